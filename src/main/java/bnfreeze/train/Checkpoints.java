package bnfreeze.train;

import bnfreeze.data.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The checkpoint a run writes after every epoch: the network with its updater state, and the epoch
 * log up to that epoch. It is written into a temporary directory that is then renamed into place,
 * so a run killed at any moment has either the previous checkpoint or the new one, never half of
 * one. Nothing else is needed to resume: the order of every epoch's mini-batches follows from
 * (seed, epoch), and no random numbers are drawn during training.
 */
public final class Checkpoints {

    public static final String DIRECTORY = "checkpoints";
    private static final String MODEL = "model.zip";

    /** A complete checkpoint: after epoch {@code epoch} of phase number {@code phaseIndex} (0-based). */
    public record Checkpoint(Path directory, int phaseIndex, int epoch, List<EpochRecord> log) {
        public ComputationGraph network() {
            try {
                return ModelSerializer.restoreComputationGraph(directory.resolve(MODEL).toFile(), true);
            } catch (IOException e) {
                throw new UncheckedIOException("checkpoint " + directory + " cannot be loaded: " + e.getMessage(), e);
            }
        }
    }

    private Checkpoints() {}

    public static void write(Path runDirectory, ComputationGraph net, int phaseIndex, int epoch, List<EpochRecord> log) {
        Path root = runDirectory.resolve(DIRECTORY);
        String name = String.format("phase%02d-epoch%04d", phaseIndex, epoch);
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempDirectory(root, ".incomplete-");
            ModelSerializer.writeModel(net, temporary.resolve(MODEL).toFile(), true);
            new EpochLog(temporary, log);
            Path target = root.resolve(name);
            if (Files.exists(target)) {
                delete(target);
            }
            AtomicFiles.move(temporary, target);
            for (Path older : complete(root)) {
                if (!older.equals(target)) {
                    delete(older);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint in " + root + ": " + e.getMessage(), e);
        }
    }

    /** The latest complete checkpoint of a run directory, if any. */
    public static Optional<Checkpoint> latest(Path runDirectory) {
        Path root = runDirectory.resolve(DIRECTORY);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        return complete(root).stream().max(Comparator.comparing(p -> p.getFileName().toString())).map(dir -> {
            String name = dir.getFileName().toString();
            int phase = Integer.parseInt(name.substring(5, 7));
            int epoch = Integer.parseInt(name.substring(13));
            return new Checkpoint(dir, phase, epoch, EpochLog.read(dir));
        });
    }

    /** Removes the checkpoints of a finished run (its final model stays in the run directory). */
    public static void clear(Path runDirectory) {
        Path root = runDirectory.resolve(DIRECTORY);
        if (Files.exists(root)) {
            delete(root);
        }
    }

    private static List<Path> complete(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> p.getFileName().toString().matches("phase\\d{2}-epoch\\d{4}")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
