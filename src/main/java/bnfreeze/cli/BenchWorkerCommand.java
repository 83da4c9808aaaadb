package bnfreeze.cli;

import bnfreeze.experiment.bench.BenchmarkCase;
import bnfreeze.experiment.bench.BenchmarkRunner;
import bnfreeze.experiment.bench.BenchmarkWorker;
import bnfreeze.results.RunFiles;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One benchmark case in this JVM; started by {@code bench}, not meant to be typed. */
@Command(name = "bench-worker", hidden = true)
final class BenchWorkerCommand implements Callable<Integer> {

    @Option(names = "--cases", required = true, description = "JSON array of the cases to measure in this process")
    String json;

    @Option(names = "--steps", defaultValue = "5")
    int steps;

    @Override
    public Integer call() throws Exception {
        List<BenchmarkCase> group = RunFiles.json().readValue(json, new com.fasterxml.jackson.core.type.TypeReference<List<BenchmarkCase>>() { });
        var oneLine = RunFiles.json().copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        for (var measurement : BenchmarkWorker.measure(group, steps)) {
            System.out.println(BenchmarkRunner.MARKER + oneLine.writeValueAsString(measurement));
        }
        return 0;
    }
}
