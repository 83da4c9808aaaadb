package bnfreeze.cli;

import bnfreeze.bn.FrozenBnPolicy;
import bnfreeze.experiment.ExperimentRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one experiment definition under one frozen-BN policy; writes results/runs/<experiment>/<run>/.",
                "With --resume RUN_DIR, continue an interrupted run from its last checkpoint."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DEFINITION",
            description = "experiment definition, e.g. experiments/overfit-2class-fmnist.yaml")
    Path definition;

    @Option(names = "--bn", paramLabel = "POLICY", description = "frozen-BN policy: keras, patched or legacy")
    FrozenBnPolicy policy;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "continue this interrupted run (its definition and settings come from its config.yaml)")
    Path resume;

    @Mixin
    RunSettings settings;

    @Override
    public Integer call() {
        if (resume != null) {
            if (definition != null || policy != null) {
                throw new IllegalArgumentException("--resume takes the definition and the policy from the run directory; "
                        + "give neither");
            }
            new ExperimentRunner().resume(resume, settings.options(null, null));
            return 0;
        }
        if (definition == null || policy == null) {
            throw new IllegalArgumentException("run needs a DEFINITION and --bn keras|patched|legacy (or --resume RUN_DIR)");
        }
        new ExperimentRunner().run(settings.options(definition, policy));
        return 0;
    }
}
