package bnfreeze.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bnfreeze.data.Cifar10;
import bnfreeze.data.Cifar10Files;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input stops before any work with one line on standard error naming the file
 * (and, for definitions, the line and the field) and exit status 2; no run directory is written.
 */
class BadInputTest {

    @TempDir
    Path dir;

    static Stream<Arguments> brokenDefinitions() {
        return Stream.of(
                Arguments.of("malformed YAML", "classes: [2, 6] ", "classes: [2, 6 ",
                        ":\\d+: malformed YAML: .*"),
                Arguments.of("unknown key", "  perClass: 100", "  perClass: 100\n  perclass: 100",
                        ":\\d+: data\\.perclass: unknown key \\(known: .*"),
                Arguments.of("wrong type", "perClass: 100", "perClass: many",
                        ":\\d+: data\\.perClass: Cannot deserialize value of type `java\\.lang\\.Integer` from String \"many\".*"),
                Arguments.of("negative learning rate", "learningRate: 0.01", "learningRate: -0.01",
                        ":\\d+: phases\\[0\\]\\.optimizer: learning rate must be positive, got -0\\.01"),
                Arguments.of("class outside the data set", "classes: [2, 6] ", "classes: [2, 11]",
                        ":\\d+: data\\.classes: class id 11 is outside fashion-mnist's 0\\.\\.9"),
                Arguments.of("freezing point naming no layer", "freezeThrough: s2b2_out", "freezeThrough: s2b3_out",
                        ":\\d+: phases\\[0\\]\\.freezeThrough: \"s2b3_out\" names no layer of small-resnet"),
                Arguments.of("zero epochs", "    epochs: 10", "    epochs: 0",
                        ":\\d+: phases\\.epochs: must be positive"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDefinitions")
    void aBrokenDefinitionIsOneLineNamingFileLineAndField(String what, String from, String to, String expected)
            throws Exception {
        String text = Files.readString(Path.of("experiments/overfit-2class-fmnist.yaml"));
        assertThat(text).contains(from);
        Path file = Files.writeString(dir.resolve("broken.yaml"), text.replace(from, to));

        for (String[] args : new String[][] {{"validate", file.toString()},
                {"run", file.toString(), "--bn", "keras", "--results", dir.resolve("runs").toString()}}) {
            MainTest.Outcome outcome = MainTest.run(args);
            assertThat(outcome.status()).as(what).isEqualTo(Main.BAD_INPUT);
            assertThat(outcome.err().lines()).as(what).singleElement().asString()
                    .matches("bnfreeze: " + Pattern.quote(file.toString()) + expected);
        }
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aTruncatedCifarFileIsNamedWithItsByteOffset() throws Exception {
        Path data = Cifar10Files.dataSet(dir.resolve(Cifar10.DIRECTORY_NAME), Cifar10.RECORDS_PER_FILE);
        Path broken = data.resolve("data_batch_3.bin");
        Files.write(broken, Arrays.copyOf(Files.readAllBytes(broken), Cifar10.RECORDS_PER_FILE * Cifar10.RECORD_BYTES - 100));

        MainTest.Outcome outcome = MainTest.run("run", "experiments/overfit-2class-cifar10.yaml", "--bn", "patched",
                "--data", data.toString(), "--results", dir.resolve("runs").toString());

        assertThat(outcome.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(outcome.err().lines()).singleElement().asString().startsWith("bnfreeze: ")
                .contains(broken + ": truncated or foreign: 30729900 bytes is not a whole number of 3073-byte records "
                        + "(the record at byte offset 30726927 is cut short)");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aForeignWeightsFileIsRejectedByItsChecksum() throws Exception {
        Path data = Cifar10Files.dataSet(dir.resolve(Cifar10.DIRECTORY_NAME), Cifar10.RECORDS_PER_FILE);
        Path weights = Files.write(dir.resolve("resnet50.zip"), new byte[] {80, 75, 3, 4});

        MainTest.Outcome outcome = MainTest.run("run", "experiments/overfit-2class-cifar10.yaml", "--bn", "keras",
                "--data", data.toString(), "--weights", weights.toString(), "--results", dir.resolve("runs").toString());

        assertThat(outcome.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(outcome.err().lines()).singleElement().asString()
                .startsWith("bnfreeze: " + weights + ": damaged or not DL4J's ResNet50 ImageNet weights (Adler-32 ");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
