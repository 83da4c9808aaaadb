package bnfreeze.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bnfreeze.results.RunFiles;
import bnfreeze.results.RunSummary;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real CPU runs in their own processes: killed with SIGKILL mid-run and resumed, they end exactly
 * where an uninterrupted run ends; the same seed twice gives the same numbers, byte for byte.
 */
@Tag("long")
class ReproducibilityLongTest {

    @TempDir
    Path dir;

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "bnfreeze.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(File.createTempFile("run", ".log", dir.toFile())).start();
    }

    private int runToEnd(String... args) throws Exception {
        Process process = start(args);
        assertThat(process.waitFor(15, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }

    @Test
    void aRunKilledMidEpochAndResumedEndsExactlyAsAnUninterruptedOne() throws Exception {
        Path definition = TinyRuns.definition(dir, "killed", 100, 8);
        assertThat(runToEnd(TinyRuns.runArguments(definition, "legacy", 11, dir))).isZero();
        Path uninterrupted = TinyRuns.runDirectories(dir, "killed").get(0);

        Process victim = start(TinyRuns.runArguments(definition, "legacy", 11, dir));
        Path interrupted = null;
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline && victim.isAlive()) {
            List<Path> runs = TinyRuns.runDirectories(dir, "killed");
            if (runs.size() == 2) {
                interrupted = runs.stream().filter(r -> !r.equals(uninterrupted)).findFirst().orElseThrow();
                Path log = interrupted.resolve("epochs.csv");
                if (Files.exists(log) && Files.readAllLines(log).size() >= 4) { // three epochs done
                    Thread.sleep(150); // into the fourth
                    break;
                }
            }
            Thread.sleep(20);
        }
        assertThat(victim.isAlive()).as("the run must still be going when it is killed").isTrue();
        victim.destroyForcibly().waitFor(); // SIGKILL
        assertThat(interrupted.resolve(RunSummary.FILE_NAME)).doesNotExist();

        assertThat(runToEnd("run", "--resume", interrupted.toString(), "--cache", dir.resolve("cache").toString())).isZero();

        assertThat(Files.readAllBytes(interrupted.resolve("epochs.csv"))).isEqualTo(Files.readAllBytes(uninterrupted.resolve("epochs.csv")));
        RunSummary resumed = RunFiles.readSummary(interrupted);
        assertThat(resumed.finalMetrics()).isEqualTo(RunFiles.readSummary(uninterrupted).finalMetrics());
        assertThat(resumed.provenance().resumedFrom()).startsWith("phase00-epoch");
    }

    @Test
    void theSameSeedTwiceGivesTheSameNumbers() throws Exception {
        Path definition = TinyRuns.definition(dir, "twice", 100, 3);

        assertThat(runToEnd(TinyRuns.runArguments(definition, "keras", 5, dir))).isZero();
        assertThat(runToEnd(TinyRuns.runArguments(definition, "keras", 5, dir))).isZero();

        List<Path> runs = TinyRuns.runDirectories(dir, "twice");
        assertThat(runs).hasSize(2);
        assertThat(Files.readAllBytes(runs.get(1).resolve("epochs.csv"))).isEqualTo(Files.readAllBytes(runs.get(0).resolve("epochs.csv")));
        assertThat(RunFiles.readSummary(runs.get(1)).finalMetrics()).isEqualTo(RunFiles.readSummary(runs.get(0)).finalMetrics());
    }
}
