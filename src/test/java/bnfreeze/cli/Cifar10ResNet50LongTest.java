package bnfreeze.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bnfreeze.data.Cifar10;
import bnfreeze.data.Cifar10Files;
import bnfreeze.results.RunFiles;
import bnfreeze.results.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's overfit definition end to end through the real code path, at tiny scale: generated
 * CIFAR-10 files of full size, ResNet50 at 224x224 with random weights (no download), 4 cats and
 * 4 dogs, one epoch, under keras and patched; save, reload, all three evaluations.
 */
@Tag("long")
class Cifar10ResNet50LongTest {

    @TempDir
    Path dir;

    @Test
    void theOverfitDefinitionRunsUnderKerasAndPatched() throws Exception {
        Path data = Cifar10Files.dataSet(dir.resolve(Cifar10.DIRECTORY_NAME), Cifar10.RECORDS_PER_FILE);
        Path definition = dir.resolve("overfit-2class-cifar10-tiny.yaml");
        Files.writeString(definition, Files.readString(Path.of("experiments/overfit-2class-cifar10.yaml"))
                .replace("name: overfit-2class-cifar10", "name: overfit-2class-cifar10-tiny")
                .replace("  perClass: 100", "  perClass: 4")
                .replace("  weights: imagenet", "  weights: random")
                .replace("    epochs: 10", "    epochs: 1")
                .replace("    batchSize: 32", "    batchSize: 4")
                .replace("  batchSize: 32", "  batchSize: 4"));

        for (String policy : List.of("keras", "patched")) {
            MainTest.Outcome outcome = MainTest.run("run", definition.toString(), "--bn", policy, "--data", data.toString(),
                    "--results", dir.resolve("runs").toString());
            assertThat(outcome.status()).as(outcome.err()).isZero();
        }

        List<Path> runs;
        try (Stream<Path> list = Files.list(dir.resolve("runs/overfit-2class-cifar10-tiny"))) {
            runs = list.sorted().toList();
        }
        assertThat(runs).hasSize(2);
        for (Path run : runs) {
            RunSummary summary = RunFiles.readSummary(run);
            assertThat(summary.status()).isEqualTo(RunSummary.COMPLETE);
            assertThat(summary.finalMetrics()).containsOnlyKeys("dynamic", "static0", "static1");
            assertThat(summary.finalMetrics().get("static0").acc()).isEqualTo(summary.lastEpoch().valAcc());
            assertThat(summary.finalMetrics().get("dynamic").acc()).isEqualTo(summary.lastEpoch().valAcc());
            assertThat(summary.provenance().baseNetwork()).startsWith("resnet50-random");
            assertThat(summary.provenance().dataChecksums()).hasSize(6);
            assertThat(Files.readAllLines(run.resolve("epochs.csv"))).hasSize(2);
        }
        assertThat(runs).map(r -> r.getFileName().toString()).anyMatch(n -> n.contains("-keras-"))
                .anyMatch(n -> n.contains("-patched-"));
    }
}
