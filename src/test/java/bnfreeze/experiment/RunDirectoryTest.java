package bnfreeze.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @Test
    void runsStartedTogetherGetDirectoriesOfTheirOwn(@TempDir Path root) throws Exception {
        ZonedDateTime sameSecond = ZonedDateTime.parse("2026-12-03T12:00:00Z");
        Set<Path> created = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> RunDirectory.create(root, "exp", "keras", 42, sameSecond)));
            }
            for (Future<Path> f : futures) {
                created.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(created).hasSize(16).contains(root.resolve("exp/20261203T120000Z-keras-seed42"),
                root.resolve("exp/20261203T120000Z-keras-seed42-16"));
    }
}
