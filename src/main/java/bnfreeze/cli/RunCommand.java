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
        description = "Run one experiment definition under one frozen-BN policy; writes results/runs/<experiment>/<run>/.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DEFINITION", description = "experiment definition, e.g. experiments/overfit-2class-fmnist.yaml")
    Path definition;

    @Option(names = "--bn", required = true, paramLabel = "POLICY", description = "frozen-BN policy: keras, patched or legacy")
    FrozenBnPolicy policy;

    @Mixin
    RunSettings settings;

    @Override
    public Integer call() {
        new ExperimentRunner().run(settings.options(definition, policy));
        return 0;
    }
}
