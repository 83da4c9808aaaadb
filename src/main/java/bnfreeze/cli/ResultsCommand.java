package bnfreeze.cli;

import bnfreeze.experiment.Definitions;
import bnfreeze.results.ExperimentInfo;
import bnfreeze.results.ResultsPublisher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
        return Definitions.inDirectory(experiments).stream().map(Definitions::load).map(d -> d.info()).toList();
    }
}
