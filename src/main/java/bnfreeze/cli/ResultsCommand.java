package bnfreeze.cli;

import bnfreeze.experiment.Definitions;
import bnfreeze.results.ExperimentInfo;
import bnfreeze.results.ResultsPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Tabulate every run under results/runs/ into results/README.md, results/tables/*.csv and results/charts/*.png.")
final class ResultsCommand implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "results directory (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--experiments", paramLabel = "DIR", defaultValue = "experiments",
            description = "experiment definitions (default: ${DEFAULT-VALUE})")
    Path experiments;

    @Override
    public Integer call() {
        ResultsPublisher.Report report = ResultsPublisher.publish(results, infos(experiments));
        System.out.println("Tabulated " + report.runs() + " runs of " + report.experiments() + " experiment(s) into "
                + results.resolve("README.md"));
        report.skipped().forEach(s -> System.out.println("  skipped " + s.directory() + ": " + s.reason()));
        return 0;
    }

    static List<ExperimentInfo> infos(Path experiments) {
        try (Stream<Path> files = Files.list(experiments)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .map(Definitions::load).map(d -> d.info()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + experiments + ": " + e.getMessage(), e);
        }
    }
}
