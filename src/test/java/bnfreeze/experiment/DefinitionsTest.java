package bnfreeze.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

    static final Path DEMO = Path.of("experiments/overfit-2class-fmnist.yaml");

    private static String demoText() throws IOException {
        return Files.readString(DEMO);
    }

    @Test
    void everyPublishedDefinitionIsValid() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("experiments"), "*.yaml")) {
            int count = 0;
            for (Path file : files) {
                ExperimentDefinition definition = Definitions.load(file);
                assertThat(file.getFileName().toString()).isEqualTo(definition.name() + ".yaml");
                count++;
            }
            assertThat(count).isPositive();
        }
    }

    @Test
    void theDemoDefinitionSaysWhatTheIssueAsks() {
        ExperimentDefinition demo = Definitions.load(DEMO);

        assertThat(demo.data().classes()).containsExactly(2, 6);
        assertThat(demo.data().perClass()).isEqualTo(100);
        assertThat(demo.data().lowResolution()).isEqualTo(8);
        assertThat(demo.validation()).isEqualTo("train");
        assertThat(demo.network().pretraining().excludeClasses()).containsExactly(2, 6);
        assertThat(demo.phases()).singleElement().satisfies(p -> {
            assertThat(p.epochs()).isEqualTo(10);
            assertThat(p.batchSize()).isEqualTo(32);
            assertThat(p.optimizer().name()).isEqualTo("sgd");
            assertThat(p.optimizer().learningRate()).isEqualTo(0.01);
            assertThat(p.optimizer().momentum()).isZero();
        });
        assertThat(demo.seed()).isEqualTo(42);
        assertThat(demo.network().batchNorm().momentum()).isEqualTo(0.99);
        assertThat(demo.network().batchNorm().epsilon()).isEqualTo(1e-3);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() throws IOException {
        String text = demoText().replace("  perClass: 100", "  perClass: 100\n  perclass: 100");
        int line = lineOf(text, "  perclass: 100");

        assertThatThrownBy(() -> Definitions.parse(Path.of("x.yaml"), text))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("x.yaml:" + line + ": data.perclass: unknown key (known: classes, dataset,");
    }

    @Test
    void aNegativeLearningRateIsNamedWithItsField() throws IOException {
        String text = demoText().replace("learningRate: 0.01", "learningRate: -0.01");

        assertThatThrownBy(() -> Definitions.parse(Path.of("x.yaml"), text))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("x.yaml:" + lineOf(text, "    optimizer: {name: sgd") + ": phases[0].optimizer: learning rate must be positive, got -0.01");
    }

    @Test
    void aClassOutsideTheDataSetIsRejected() throws IOException {
        String text = demoText().replace("classes: [2, 6] ", "classes: [2, 16]");

        assertThatThrownBy(() -> Definitions.parse(Path.of("x.yaml"), text))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("x.yaml:" + lineOf(text, "  classes: [2, 16]") + ": data.classes: class id 16 is outside fashion-mnist's 0..9");
    }

    @Test
    void aWrongTypeIsNamedWithItsPath() throws IOException {
        String text = demoText().replace("perClass: 100", "perClass: many");

        assertThatThrownBy(() -> Definitions.parse(Path.of("x.yaml"), text))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("x.yaml:" + lineOf(text, "  perClass: many") + ": data.perClass: Cannot deserialize value of type `java.lang.Integer` from String \"many\"");
    }

    @Test
    void malformedYamlIsOneLine() {
        assertThatThrownBy(() -> Definitions.parse(Path.of("x.yaml"), "name: [unclosed\nseed: 1\n"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("x.yaml:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static int lineOf(String text, String line) {
        return text.substring(0, text.indexOf(line)).split("\n", -1).length;
    }
}
