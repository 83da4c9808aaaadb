package bnfreeze.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bnfreeze.eval.PhaseMetrics;
import bnfreeze.train.EpochLog;
import bnfreeze.train.EpochRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables built from small run directories made here, one of them damaged in each way a run can be. */
class ResultsPublisherTest {

    @TempDir
    Path results;

    private static final Reference STUDY = new Reference("the write-up", "Keras 2.1.5", null,
            List.of(new Reference.Row("keras", 0.86, 0.86, 0.86, 1.0, null)));
    private static final List<ExperimentInfo> EXPERIMENTS = List.of(
            new ExperimentInfo("tiny", "A tiny experiment.", "nothing", STUDY),
            new ExperimentInfo("big", "A big one.", "CIFAR-10 (make cifar10) and a GPU", null));

    private Path run(String name, String policy, long seed, double static0, double static1, double valAcc) throws Exception {
        return run(name, policy, seed, static0, static1, valAcc, "2026-12-03T10:00:00Z");
    }

    private Path run(String name, String policy, long seed, double static0, double static1, double valAcc, String started)
            throws Exception {
        Path dir = Files.createDirectories(results.resolve("runs/tiny/" + name));
        EpochLog log = new EpochLog(dir);
        log.append(new EpochRecord("finetune", 1, 0.7, 0.5, 0.69, valAcc - 0.1, 1.5));
        log.append(new EpochRecord("finetune", 2, 0.6, 0.6, 0.65, valAcc, 1.25));
        Map<String, PhaseMetrics> metrics = new HashMap<>();
        metrics.put("dynamic", new PhaseMetrics(0.5, static0, 0.9));
        metrics.put("static0", new PhaseMetrics(0.5, static0, 0.9));
        metrics.put("static1", new PhaseMetrics(0.3, static1, 0.95));
        Provenance provenance = new Provenance("java -jar target/bnfreeze.jar run experiments/tiny.yaml --bn " + policy
                + " --seed " + seed + " --backend cpu", "0123456789abcdef", false, "experiments/tiny.yaml", "sha",
                "17", Map.of("org.deeplearning4j:deeplearning4j-nn", "1.0.0-M2.1", "libnd4j build", "linux-x86_64"),
                "cpu", "Test CPU", "Linux", 2, Map.of(), "pretrained:x", null);
        RunFiles.writeSummary(dir, new RunSummary("tiny", policy, "cpu", seed, RunSummary.COMPLETE,
                started, "2026-12-03T10:01:00Z", null, metrics,
                log.records().get(1), provenance));
        return dir;
    }

    @BeforeEach
    void runs() throws Exception {
        run("r1-keras-seed1", "keras", 1, 0.60, 0.80, 0.60);
        run("r2-keras-seed2", "keras", 2, 0.70, 0.90, 0.70);
        run("r3-keras-seed3", "keras", 3, 0.80, 0.85, 0.80);
        run("r4-patched-seed1", "patched", 1, 0.90, 0.90, 0.90);
        run("r5-patched-seed2", "patched", 2, 1.00, 1.00, 1.00);
        run("r0-patched-seed2-earlier", "patched", 2, 0.10, 0.10, 0.10, "2026-12-03T09:00:00Z");
        // damaged in every way a run directory can be
        Files.createDirectories(results.resolve("runs/tiny/x-interrupted"));
        Files.writeString(run("x-malformed-json", "keras", 9, 0, 0, 0).resolve(RunSummary.FILE_NAME), "{ not json");
        Files.writeString(run("x-malformed-csv", "keras", 8, 0, 0, 0).resolve(EpochLog.FILE_NAME),
                EpochLog.HEADER + "\nfinetune,1,0.5\n");
        Path failed = Files.createDirectories(results.resolve("runs/tiny/x-failed"));
        RunFiles.writeSummary(failed, new RunSummary("tiny", "legacy", "cpu", 1, RunSummary.FAILED, null, null,
                "training loss is NaN in phase \"finetune\", epoch 1, step 3", null, null, null));
    }

    @Test
    void damagedRunsAreListedWithTheirReasonAndNeverCounted() {
        ResultsPublisher.Report report = ResultsPublisher.publish(results, EXPERIMENTS);

        assertThat(report.runs()).isEqualTo(5);
        assertThat(report.skipped()).extracting(s -> s.directory().toString() + ": " + s.reason()).containsExactly(
                "tiny/r0-patched-seed2-earlier: superseded by r5-patched-seed2 (same policy, backend and seed)",
                "tiny/x-failed: failed: training loss is NaN in phase \"finetune\", epoch 1, step 3",
                "tiny/x-interrupted: interrupted: no summary.json",
                "tiny/x-malformed-csv: malformed epochs.csv: line 2: expected 6 fields, found 3",
                "tiny/x-malformed-json: malformed summary.json: Unexpected character ('n' (code 110)): was expecting double-quote to start field name");
    }

    @Test
    void finalStatisticsAreMeansWithStudentIntervalsAndWelchDifferences() throws Exception {
        ResultsPublisher.publish(results, EXPERIMENTS);

        List<String> csv = Files.readAllLines(results.resolve("tables/tiny-final.csv"));
        assertThat(csv.get(0)).isEqualTo("policy,backend,metric,n,mean,sd,ci95_low,ci95_high");
        String[] kerasStatic0 = row(csv, "keras,cpu,static0_acc,");
        assertThat(Integer.parseInt(kerasStatic0[3])).isEqualTo(3);
        assertThat(Double.parseDouble(kerasStatic0[4])).isCloseTo(0.70, within(1e-12));
        assertThat(Double.parseDouble(kerasStatic0[5])).isCloseTo(0.10, within(1e-12));
        // t(0.975, 2) = 4.302653; half-width = 4.302653 * 0.1 / sqrt(3) = 0.248414
        assertThat(Double.parseDouble(kerasStatic0[6])).isCloseTo(0.70 - 0.248414, within(1e-6));
        String[] gap = row(csv, "keras,cpu,static1_minus_static0_acc,");
        assertThat(Double.parseDouble(gap[4])).isCloseTo((0.2 + 0.2 + 0.05) / 3, within(1e-12));
        String[] difference = row(csv, "patched - keras,cpu,static0_acc,");
        assertThat(Double.parseDouble(difference[4])).isCloseTo(0.95 - 0.70, within(1e-12));
        // Welch: se = sqrt(0.01/3 + 0.005/2) = 0.076376; df = 2.8824; t(0.975, 2.8824) = 3.25721 -> half-width 0.248773
        assertThat(Double.parseDouble(difference[7]) - Double.parseDouble(difference[4])).isCloseTo(0.248773, within(1e-5));
    }

    @Test
    void thePageShowsMeasuredRowsTheStudysRowsApartAndExperimentsNotRunYet() throws Exception {
        ResultsPublisher.publish(results, EXPERIMENTS);
        String page = Files.readString(results.resolve("README.md"));

        assertThat(page).contains("| keras | cpu | 3 | 0.700 ± 0.248 | 0.700 ± 0.248 | 0.700 ± 0.248 | 0.850 ± 0.124 |");
        assertThat(page).contains("| patched | cpu | 2 |");
        assertThat(page).contains("Published by the study (Keras 2.1.5, as published in the write-up):");
        assertThat(page).contains("| study: keras | 0.8600 | 0.8600 | 0.8600 | 1.0000 |  |");
        assertThat(page).contains("## big\n\nA big one.\n\nNot run yet: needs CIFAR-10 (make cifar10) and a GPU.");
        assertThat(page).contains("| `r1-keras-seed1` | 2026-12-03 | keras | 1 | cpu | Test CPU | DL4J 1.0.0-M2.1, linux-x86_64 | 0123456789 | 0.600 |");
        assertThat(page).contains("`tiny/x-interrupted` | interrupted: no summary.json");
        assertThat(results.resolve("charts/tiny-accuracy.png")).isNotEmptyFile();
        assertThat(results.resolve("charts/tiny-learning-phases.png")).isNotEmptyFile();
        List<String> epochs = Files.readAllLines(results.resolve("tables/tiny-epochs-by-policy.csv"));
        assertThat(epochs.get(0)).isEqualTo("phase,epoch,keras runs,keras acc,keras val_acc,patched runs,patched acc,"
                + "patched val_acc,legacy runs,legacy acc,legacy val_acc");
        assertThat(epochs).hasSize(3);
        assertThat(Files.readAllLines(results.resolve("tables/tiny-epochs.csv"))).hasSize(1 + 5 * 2);
    }

    @Test
    void regeneratingFromTheSameRunsIsByteIdentical() throws Exception {
        ResultsPublisher.Report first = ResultsPublisher.publish(results, EXPERIMENTS);
        Map<Path, byte[]> before = new HashMap<>();
        for (Path file : first.written()) {
            before.put(file, Files.readAllBytes(file));
        }

        ResultsPublisher.Report second = ResultsPublisher.publish(results, EXPERIMENTS);

        assertThat(second.written()).containsExactlyElementsOf(first.written());
        for (Path file : second.written()) {
            assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(before.get(file));
        }
    }

    private static String[] row(List<String> csv, String prefix) {
        return csv.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + prefix + " in " + csv)).split(",");
    }
}
