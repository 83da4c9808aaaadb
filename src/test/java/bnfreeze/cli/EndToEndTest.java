package bnfreeze.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bnfreeze.results.RunFiles;
import bnfreeze.results.RunSummary;
import bnfreeze.train.EpochLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's code path on real Fashion-MNIST at a scale that takes seconds: a small pre-training
 * on 30 images per class, one fine-tuning epoch on 20 + 20 low-resolution images.
 */
class EndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aRunWritesItsDirectoryAndPassesTheStudysConsistencyCheck() throws Exception {
        Path definition = TinyRuns.definition(dir, "e2e-fmnist", 20, 2);

        MainTest.Outcome outcome = MainTest.run(TinyRuns.runArguments(definition, "legacy", 7, dir));

        assertThat(outcome.status()).as(outcome.err()).isZero();
        List<Path> runs = TinyRuns.runDirectories(dir, "e2e-fmnist");
        assertThat(runs).singleElement().asString().endsWith("-legacy-seed7");
        Path run = runs.get(0);
        assertThat(run.resolve("config.yaml")).exists();
        assertThat(run.resolve("timings.csv")).exists();
        assertThat(run.resolve("checkpoints")).as("a finished run keeps no checkpoints").doesNotExist();
        assertThat(Files.readAllLines(run.resolve(EpochLog.FILE_NAME))).hasSize(3)
                .first().asString().contains("epoch,loss,acc,val_loss,val_acc");
        RunSummary summary = RunFiles.readSummary(run);
        assertThat(summary.status()).isEqualTo(RunSummary.COMPLETE);
        assertThat(summary.experiment()).isEqualTo("e2e-fmnist");
        assertThat(summary.policy()).isEqualTo("legacy");
        assertThat(summary.backend()).isEqualTo("cpu");
        assertThat(summary.seed()).isEqualTo(7);
        assertThat(summary.finalMetrics()).containsOnlyKeys("dynamic", "static0", "static1");
        assertThat(summary.finalMetrics().get("dynamic").acc()).isEqualTo(summary.lastEpoch().valAcc());
        assertThat(summary.finalMetrics().get("static0").acc()).isEqualTo(summary.lastEpoch().valAcc());
        assertThat(summary.finalMetrics().get("static0").auc()).isNotNull();
        assertThat(summary.provenance().dataChecksums()).hasSize(4);
        assertThat(summary.provenance().libraries()).containsKey("org.deeplearning4j:deeplearning4j-nn");
        assertThat(summary.provenance().command()).contains("--bn legacy --seed 7 --backend cpu");
    }

    @Test
    void aDivergingRunStopsWithItsFinishedEpochsOnDiskAndIsMarkedFailed() throws Exception {
        Path definition = TinyRuns.definition(dir, "diverging", 20, 2);
        Files.writeString(definition, Files.readString(definition).replace("""
                phases:
                  - name: finetune""", """
                phases:
                  - name: warmup
                    epochs: 2
                    batchSize: 32
                    optimizer: {name: sgd, learningRate: 0.01, momentum: 0}
                    freezeThrough: s2b2_out
                  - name: finetune""").replace("learningRate: 0.01, momentum: 0}\n    freezeThrough: s2b2_out  #",
                "learningRate: 1.0e+30, momentum: 0}\n    freezeThrough: s2b2_out  #"));

        MainTest.Outcome outcome = MainTest.run(TinyRuns.runArguments(definition, "keras", 1, dir));

        assertThat(outcome.status()).isEqualTo(Main.NUMERICAL_FAILURE);
        assertThat(outcome.err().lines()).singleElement().asString()
                .matches("bnfreeze: training loss is (NaN|-?Infinity) in phase \"finetune\", epoch 1, step \\d+ .*");
        Path run = TinyRuns.runDirectories(dir, "diverging").get(0);
        assertThat(Files.readAllLines(run.resolve("epochs.csv"))).hasSize(3).element(2).asString().startsWith("warmup,2,");
        RunSummary summary = RunFiles.readSummary(run);
        assertThat(summary.status()).isEqualTo(RunSummary.FAILED);
        assertThat(summary.finalMetrics()).isNull();
        assertThat(bnfreeze.results.RunCatalog.scan(dir.resolve("runs")).runs()).isEmpty();
    }

    @Test
    void twoRunsStartedTogetherBothCompleteInDirectoriesOfTheirOwnWithTheSameNumbers() throws Exception {
        Path definition = TinyRuns.definition(dir, "together", 20, 2);
        MainTest.run(TinyRuns.runArguments(definition, "patched", 3, dir)); // builds the cached base once
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> MainTest.run(TinyRuns.runArguments(definition, "patched", 3, dir)));
            var b = pool.submit(() -> MainTest.run(TinyRuns.runArguments(definition, "patched", 3, dir)));
            assertThat(a.get().status()).as(a.get().err()).isZero();
            assertThat(b.get().status()).as(b.get().err()).isZero();
        } finally {
            pool.shutdown();
        }

        List<Path> runs = TinyRuns.runDirectories(dir, "together");
        assertThat(runs).hasSize(3).doesNotHaveDuplicates();
        for (Path run : runs) {
            assertThat(Files.readAllBytes(run.resolve("epochs.csv"))).isEqualTo(Files.readAllBytes(runs.get(0).resolve("epochs.csv")));
            assertThat(RunFiles.readSummary(run).finalMetrics()).isEqualTo(RunFiles.readSummary(runs.get(0)).finalMetrics());
        }
    }
}
