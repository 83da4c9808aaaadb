package bnfreeze.cli;

import bnfreeze.experiment.bench.BenchmarkCase;
import bnfreeze.experiment.bench.BenchmarkRunner;
import bnfreeze.experiment.bench.BenchmarkWorker;
import bnfreeze.results.RunFiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One benchmark case in this JVM; started by {@code bench}, not meant to be typed. */
@Command(name = "bench-worker", hidden = true)
final class BenchWorkerCommand implements Callable<Integer> {

    @Option(names = "--case", required = true)
    String json;

    @Option(names = "--steps", defaultValue = "5")
    int steps;

    @Override
    public Integer call() throws Exception {
        BenchmarkCase c = RunFiles.json().readValue(json, BenchmarkCase.class);
        System.out.println(BenchmarkRunner.MARKER + RunFiles.json().copy()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(BenchmarkWorker.measure(c, steps)));
        return 0;
    }
}
