package bnfreeze.cli;

import bnfreeze.bn.FrozenBnPolicy;
import bnfreeze.data.DataLocator;
import bnfreeze.experiment.Backend;
import bnfreeze.experiment.RunOptions;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by the commands that run experiments. */
final class RunSettings {

    @Option(names = "--seed", paramLabel = "N", description = "replaces the definition's seed (head initialisation, shuffling)")
    Long seed;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: $" + DataLocator.ENVIRONMENT_VARIABLE
            + ", then the data set's standard places)")
    Path data;

    @Option(names = "--weights", paramLabel = "FILE", description = "pre-trained weights file (ResNet50: DL4J's resnet50_dl4j_inference.v3.zip)")
    Path weights;

    @Option(names = "--backend", paramLabel = "cpu|cuda", defaultValue = "cpu", description = "ND4J backend (default: ${DEFAULT-VALUE})")
    Backend backend;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results/runs",
            description = "where run directories go (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--cache", paramLabel = "DIR", description = "cache of pre-trained networks (default: $XDG_CACHE_HOME/bnfreeze or ~/.cache/bnfreeze)")
    Path cache;

    /** These settings with another seed. */
    RunSettings withSeed(long newSeed) {
        RunSettings copy = new RunSettings();
        copy.seed = newSeed;
        copy.data = data;
        copy.weights = weights;
        copy.backend = backend;
        copy.results = results;
        copy.cache = cache;
        return copy;
    }

    RunOptions options(Path definitionFile, FrozenBnPolicy policy) {
        return new RunOptions(definitionFile, policy, Optional.ofNullable(seed), Optional.ofNullable(data),
                Optional.ofNullable(weights), backend,
                results, cache != null ? cache : DataLocator.cacheRoot(), System.out, System.console() != null);
    }
}
