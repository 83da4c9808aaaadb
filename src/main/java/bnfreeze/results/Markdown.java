package bnfreeze.results;

import java.util.List;
import java.util.stream.Collectors;

/** GitHub-flavoured Markdown tables. */
final class Markdown {

    private Markdown() {}

    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(row(header));
        out.append(header.stream().map(h -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
        rows.forEach(r -> out.append(row(r)));
        return out.toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
