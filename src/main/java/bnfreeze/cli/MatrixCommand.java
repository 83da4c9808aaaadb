package bnfreeze.cli;

import bnfreeze.bn.FrozenBnPolicy;
import bnfreeze.experiment.Definitions;
import bnfreeze.experiment.ExperimentRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Run every experiment under every policy for a number of seeds, one run after another.")
final class MatrixCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "DEFINITION", description = "definitions (default: every experiments/*.yaml)")
    List<Path> definitions = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "seeds per experiment and policy: the definition's seed and the N-1 following ones (default: ${DEFAULT-VALUE})")
    int seeds;

    @Mixin
    RunSettings settings;

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        }
        List<Path> files = definitions.isEmpty() ? Definitions.inDirectory(Path.of("experiments")) : definitions;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            long first = settings.seed != null ? settings.seed : Definitions.load(file).seed();
            definition:
            for (int s = 0; s < seeds; s++) {
                for (FrozenBnPolicy policy : FrozenBnPolicy.values()) {
                    RunSettings one = settings.withSeed(first + s);
                    try {
                        new ExperimentRunner().run(one.options(file, policy));
                    } catch (RuntimeException e) {
                        String line = file + " --bn " + policy.id() + " --seed " + (first + s) + ": " + Main.firstLine(e.getMessage());
                        System.err.println("bnfreeze: " + line);
                        failures.add(line);
                        if (Main.isBadInput(e)) {
                            break definition; // its other runs would fail the same way
                        }
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            System.err.println("bnfreeze: " + failures.size() + " run(s) of the matrix did not complete");
            return 1;
        }
        return 0;
    }

}
