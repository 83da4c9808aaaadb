package bnfreeze.model;

import bnfreeze.data.AtomicFiles;
import bnfreeze.data.Checksums;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Networks that took long to make (pre-trained bases), stored under a key derived from everything
 * that determines them. Entries are written atomically with a checksum; concurrent users of one
 * key, in this process or others, wait for the one that builds it; a damaged entry is detected
 * and rebuilt.
 */
public final class WeightCache {

    private static final Logger LOG = LoggerFactory.getLogger(WeightCache.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path root;

    public WeightCache(Path root) {
        this.root = root;
    }

    public Path entry(String key) {
        return root.resolve(key).resolve("model.zip");
    }

    /** The cached network for {@code key}, built by {@code build} (and stored) if absent or damaged. */
    public ComputationGraph getOrBuild(String key, Supplier<ComputationGraph> build) {
        Path model = entry(key);
        Path checksum = model.resolveSibling("model.zip.sha256");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(model, k -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(model.getParent());
            try (FileChannel channel = FileChannel.open(model.resolveSibling("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                ComputationGraph cached = readIfIntact(model, checksum);
                if (cached != null) {
                    return cached;
                }
                ComputationGraph built = build.get();
                store(built, model, checksum);
                return built;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("weight cache " + model.getParent() + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    private static ComputationGraph readIfIntact(Path model, Path checksum) throws IOException {
        if (!Files.exists(model)) {
            return null;
        }
        String expected = Files.exists(checksum) ? Files.readString(checksum).trim() : "";
        String actual = Checksums.sha256(Files.readAllBytes(model));
        if (!actual.equals(expected)) {
            LOG.warn("cache entry {} is damaged (checksum {} != {}); rebuilding it", model, actual, expected);
            return null;
        }
        try {
            return ModelSerializer.restoreComputationGraph(model.toFile(), false);
        } catch (Exception e) {
            LOG.warn("cache entry {} cannot be loaded ({}); rebuilding it", model, e.getMessage());
            return null;
        }
    }

    private static void store(ComputationGraph net, Path model, Path checksum) throws IOException {
        Path temporary = Files.createTempFile(model.getParent(), ".model", ".zip.tmp");
        try {
            ModelSerializer.writeModel(net, temporary.toFile(), false);
            AtomicFiles.writeString(checksum, Checksums.sha256(Files.readAllBytes(temporary)) + "\n");
            AtomicFiles.move(temporary, model);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
