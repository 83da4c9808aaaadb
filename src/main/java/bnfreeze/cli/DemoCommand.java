package bnfreeze.cli;

import bnfreeze.bn.FrozenBnPolicy;
import bnfreeze.experiment.ExperimentRunner;
import bnfreeze.results.LearningPhaseTable;
import bnfreeze.results.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the two-class overfit test under all three frozen-BN policies and print the learning-phase accuracies side by side.")
final class DemoCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DEFINITION",
            defaultValue = "experiments/overfit-2class-fmnist.yaml", description = "default: ${DEFAULT-VALUE}")
    Path definition;

    @Mixin
    RunSettings settings;

    @Override
    public Integer call() {
        List<RunSummary> summaries = new ArrayList<>();
        for (FrozenBnPolicy policy : FrozenBnPolicy.values()) {
            summaries.add(new ExperimentRunner().run(settings.options(definition, policy)).summary());
        }
        System.out.println();
        System.out.println(LearningPhaseTable.of("Learning-phase accuracies of the reloaded model ("
                + summaries.get(0).experiment() + ", seed " + summaries.get(0).seed() + ")", summaries).printAll());
        return 0;
    }
}
