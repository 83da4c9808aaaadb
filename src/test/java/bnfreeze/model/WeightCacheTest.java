package bnfreeze.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Sgd;

class WeightCacheTest {

    private static final SmallResNet TINY = new SmallResNet(1, 8, 8, List.of(4), 1, 3, 0.99, 1e-3);

    @TempDir
    Path dir;

    @Test
    void buildsOnceThenLoadsTheSameWeights() {
        WeightCache cache = new WeightCache(dir);
        AtomicInteger builds = new AtomicInteger();

        ComputationGraph first = cache.getOrBuild("k", () -> { builds.incrementAndGet(); return TINY.build(5, new Sgd(0.1)); });
        ComputationGraph second = cache.getOrBuild("k", () -> { builds.incrementAndGet(); return TINY.build(6, new Sgd(0.1)); });

        assertThat(builds).hasValue(1);
        assertThat(second.params()).isEqualTo(first.params());
    }

    @Test
    void aDamagedEntryIsDetectedAndRebuilt() throws Exception {
        WeightCache cache = new WeightCache(dir);
        cache.getOrBuild("k", () -> TINY.build(5, new Sgd(0.1)));
        byte[] bytes = Files.readAllBytes(cache.entry("k"));
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(cache.entry("k"), bytes);
        AtomicInteger builds = new AtomicInteger();

        ComputationGraph rebuilt = cache.getOrBuild("k", () -> { builds.incrementAndGet(); return TINY.build(7, new Sgd(0.1)); });

        assertThat(builds).hasValue(1);
        assertThat(cache.getOrBuild("k", () -> { throw new AssertionError("must be cached now"); }).params())
                .isEqualTo(rebuilt.params());
    }

    @Test
    void concurrentUsersOfOneKeyShareOneBuild() throws Exception {
        WeightCache cache = new WeightCache(dir);
        AtomicInteger builds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ComputationGraph>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> cache.getOrBuild("shared", () -> {
                    builds.incrementAndGet();
                    return TINY.build(9, new Sgd(0.1));
                })));
            }
            for (Future<ComputationGraph> result : results) {
                assertThat(result.get().params()).isEqualTo(results.get(0).get().params());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(builds).hasValue(1);
    }
}
