package bnfreeze.results;

import bnfreeze.bn.FrozenBnPolicy;
import bnfreeze.data.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Turns the run directories under {@code results/runs/} into the published tables, charts and
 * {@code results/README.md}. Regenerating from the same runs gives byte-identical files.
 */
public final class ResultsPublisher {

    /** What was published. */
    public record Report(int runs, int experiments, List<RunCatalog.Skipped> skipped, List<Path> written) {}

    private static final List<String> POLICIES = Arrays.stream(FrozenBnPolicy.values()).map(FrozenBnPolicy::id).toList();

    private ResultsPublisher() {}

    /**
     * @param resultsRoot  the {@code results} directory (runs are read from its {@code runs/})
     * @param experiments  the defined experiments, in the order the page shows them; experiments
     *                     that have runs but no definition are appended
     */
    public static Report publish(Path resultsRoot, List<ExperimentInfo> experiments) {
        RunCatalog catalog = RunCatalog.scan(resultsRoot.resolve("runs"));
        Map<String, List<RunRecord>> byExperiment = new LinkedHashMap<>();
        catalog.runs().forEach(r -> byExperiment.computeIfAbsent(r.summary().experiment(), k -> new ArrayList<>()).add(r));
        List<ExperimentInfo> shown = new ArrayList<>(experiments);
        byExperiment.keySet().stream().sorted()
                .filter(name -> experiments.stream().noneMatch(e -> e.name().equals(name)))
                .forEach(name -> shown.add(new ExperimentInfo(name, null, null, null)));

        List<Path> written = new ArrayList<>();
        Path tables = directory(resultsRoot.resolve("tables"));
        Path charts = directory(resultsRoot.resolve("charts"));
        ResultsPage page = new ResultsPage();
        for (ExperimentInfo info : shown) {
            List<RunRecord> runs = byExperiment.getOrDefault(info.name(), List.of());
            if (runs.isEmpty()) {
                page.notRunYet(info);
                continue;
            }
            Table sideBySide = EpochTables.sideBySide(info.name(), runs, POLICIES);
            written.add(csv(EpochTables.long_(info.name(), runs), tables.resolve(info.name() + "-epochs.csv")));
            written.add(csv(sideBySide, tables.resolve(info.name() + "-epochs-by-policy.csv")));
            written.add(csv(FinalTables.statistics(info.name(), runs, POLICIES), tables.resolve(info.name() + "-final.csv")));
            Path curves = charts.resolve(info.name() + "-accuracy.png");
            Path bars = charts.resolve(info.name() + "-learning-phases.png");
            Charts.accuracyCurves(info.name(), runs, POLICIES, curves);
            Charts.learningPhaseBars(info.name(), runs, POLICIES, bars);
            written.add(curves);
            written.add(bars);
            page.experiment(info, runs, POLICIES, sideBySide, "charts/" + curves.getFileName(), "charts/" + bars.getFileName());
        }
        page.skipped(catalog.skipped());
        Path readme = resultsRoot.resolve("README.md");
        AtomicFiles.writeString(readme, page.text());
        written.add(readme);
        return new Report(catalog.runs().size(), byExperiment.size(), catalog.skipped(), written);
    }

    private static Path csv(Table table, Path file) {
        StringWriter out = new StringWriter();
        table.write().csv(out);
        AtomicFiles.writeString(file, out.toString());
        return file;
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
