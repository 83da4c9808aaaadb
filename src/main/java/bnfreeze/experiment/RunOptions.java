package bnfreeze.experiment;

import bnfreeze.bn.FrozenBnPolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How one run of a definition is made.
 *
 * @param seed        replaces the definition's seed when present
 * @param dataDir     the {@code --data} directory, when given
 * @param weights     a local file of pre-trained weights ({@code --weights}), when given
 * @param resultsRoot where run directories go ({@code results/runs})
 * @param cacheRoot   where pre-trained bases are cached
 * @param interactive whether progress bars may redraw in place
 */
public record RunOptions(Path definitionFile, FrozenBnPolicy policy, Optional<Long> seed, Optional<Path> dataDir,
                         Optional<Path> weights, Backend backend, Path resultsRoot, Path cacheRoot, PrintStream out, boolean interactive) {}
