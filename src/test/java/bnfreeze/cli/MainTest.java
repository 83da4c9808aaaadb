package bnfreeze.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bnfreeze.data.IdxFiles;
import bnfreeze.data.RealData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in one line on standard error and a non-zero exit status, and writes no run directory. */
class MainTest {

    @TempDir
    Path dir;

    record Outcome(int status, String out, String err) {}

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(status, out.toString(), err.toString());
    }

    private String results() {
        return dir.resolve("runs").toString();
    }

    private static void assertOneLine(Outcome outcome, int status, String pattern) {
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.err().lines()).singleElement().asString().matches(pattern);
    }

    @Test
    void anUnknownPolicy() {
        Outcome outcome = run("run", "experiments/overfit-2class-fmnist.yaml", "--bn", "tf2", "--results", results());

        assertOneLine(outcome, Main.BAD_INPUT, "bnfreeze: Invalid value for option '--bn': .*unknown frozen-BN policy \"tf2\"; "
                + "expected one of keras, patched, legacy.*");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aMissingDataDirectory() {
        Outcome outcome = run("run", "experiments/overfit-2class-fmnist.yaml", "--bn", "keras", "--data",
                dir.resolve("missing").toString(), "--results", results());

        assertOneLine(outcome, Main.BAD_INPUT, "bnfreeze: .*missing: data directory does not exist; run `make data`.*");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aTruncatedIdxFile() throws Exception {
        Path data = Files.createDirectories(dir.resolve("fashion"));
        for (String name : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(RealData.fashionMnist().resolve(name), data.resolve(name));
        }
        byte[] images = bnfreeze.data.IdxFile.decompressedContent(data.resolve("train-images-idx3-ubyte.gz"));
        Files.write(data.resolve("train-images-idx3-ubyte.gz"), IdxFiles.gzip(java.util.Arrays.copyOf(images, 1_000_000)));

        Outcome outcome = run("run", "experiments/overfit-2class-fmnist.yaml", "--bn", "patched", "--data",
                data.toString(), "--results", results());

        assertOneLine(outcome, Main.BAD_INPUT, "bnfreeze: .*train-images-idx3-ubyte.gz: damaged: 1000000 bytes after "
                + "decompression, expected 47040016; run `make data`.*");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aMissingDefinition() {
        Outcome outcome = run("run", "experiments/nope.yaml", "--bn", "keras", "--results", results());

        assertOneLine(outcome, Main.BAD_INPUT, "bnfreeze: experiments/nope.yaml: no such experiment definition");
    }

    @Test
    void cudaWithoutACudaBuildOrGpu() {
        Outcome outcome = run("run", "experiments/overfit-2class-fmnist.yaml", "--bn", "keras", "--backend", "cuda",
                "--results", results());

        assertOneLine(outcome, Main.BACKEND_UNAVAILABLE, "bnfreeze: --backend cuda needs the CUDA build of bnfreeze .*");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void validateChecksEveryPublishedDefinition() {
        Outcome outcome = run("validate");

        assertThat(outcome.status()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("valid: experiments/overfit-2class-fmnist.yaml",
                "valid: experiments/overfit-2class-cifar10.yaml", "valid: experiments/cifar10-resnet50-finetune.yaml");
    }

    @Test
    void validateNamesFileLineAndFieldOfEachProblem() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        String text = Files.readString(Path.of("experiments/overfit-2class-cifar10.yaml"))
                .replace("freezeThrough: bn4f_branch2c", "freezeThrough: bn4g_branch2c");
        Files.writeString(bad, text);
        int line = text.substring(0, text.indexOf("freezeThrough: bn4g")).split("\n", -1).length;

        Outcome outcome = run("validate", bad.toString(), "experiments/overfit-2class-fmnist.yaml");

        assertOneLine(outcome, Main.BAD_INPUT, java.util.regex.Pattern.quote("bnfreeze: " + bad + ":" + line
                + ": phases[0].freezeThrough: \"bn4g_branch2c\" names no layer of resnet50"));
        assertThat(outcome.out()).contains("valid: experiments/overfit-2class-fmnist.yaml");
    }

    @Test
    void withoutCifar10TheOverfitTestStopsInOneLineAndWritesNothing() {
        Outcome outcome = run("run", "experiments/overfit-2class-cifar10.yaml", "--bn", "keras", "--data", dir.toString(),
                "--results", results());

        assertOneLine(outcome, Main.BAD_INPUT, ".*test_batch.bin: file not found .*run `make cifar10`.*");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void resumingAFinishedRunIsRefused() throws Exception {
        Path finished = Files.createDirectories(dir.resolve("runs/x/finished"));
        Files.writeString(finished.resolve("config.yaml"), "definition: {}\n");
        Files.writeString(finished.resolve("summary.json"), "{}");

        Outcome outcome = run("run", "--resume", finished.toString());

        assertOneLine(outcome, Main.BAD_INPUT, java.util.regex.Pattern.quote("bnfreeze: " + finished
                + ": this run has finished (it has a summary.json); nothing to resume"));
    }

    @Test
    void aMissingPolicyOption() {
        Outcome outcome = run("run", "experiments/overfit-2class-fmnist.yaml");

        assertOneLine(outcome, Main.BAD_INPUT, "bnfreeze: run needs a DEFINITION and --bn keras\\|patched\\|legacy \\(or --resume RUN_DIR\\)");
    }
}
