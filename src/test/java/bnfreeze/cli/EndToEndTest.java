package bnfreeze.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bnfreeze.data.RealData;
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
        Path definition = dir.resolve("e2e-fmnist.yaml");
        Files.writeString(definition, Files.readString(Path.of("experiments/overfit-2class-fmnist.yaml"))
                .replace("name: overfit-2class-fmnist", "name: e2e-fmnist")
                .replace("  perClass: 100", "  perClass: 20")
                .replace("    excludeClasses: [2, 6]", "    excludeClasses: [2, 6]\n    imagesPerClass: 30")
                .replace("    epochs: 2\n", "    epochs: 1\n")
                .replace("    epochs: 10\n", "    epochs: 2\n"));

        MainTest.Outcome outcome = MainTest.run("run", definition.toString(), "--bn", "legacy", "--seed", "7",
                "--data", RealData.fashionMnist().toString(), "--results", dir.resolve("runs").toString(),
                "--cache", dir.resolve("cache").toString());

        assertThat(outcome.status()).as(outcome.err()).isZero();
        List<Path> runs;
        try (Stream<Path> list = Files.list(dir.resolve("runs/e2e-fmnist"))) {
            runs = list.toList();
        }
        assertThat(runs).singleElement().asString().endsWith("-legacy-seed7");
        Path run = runs.get(0);
        assertThat(run.resolve("config.yaml")).exists();
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
}
