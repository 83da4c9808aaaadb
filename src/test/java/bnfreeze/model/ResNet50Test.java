package bnfreeze.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bnfreeze.bn.FrozenBnPolicies;
import bnfreeze.bn.FrozenBnPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study's ResNet50: freezing point, head, and the weight loader's errors (no download here). */
class ResNet50Test {

    private static ComputationGraph study;

    @BeforeAll
    static void studyNetwork() {
        ComputationGraph withHead = Heads.replaceHead(ResNet50Imagenet.randomWeights(1), ResNet50Imagenet.INPUT_TYPE, ResNet50Imagenet.BASE_OUTPUT,
                ResNet50Imagenet.studyPooling(), 2, 42);
        study = FrozenBnPolicies.freeze(withHead, ResNet50Imagenet.KERAS_LAYER_140, FrozenBnPolicy.KERAS);
    }

    @Test
    void freezingThroughKerasLayer140FreezesStagesOneToFourAnd43Of53BatchNorms() {
        List<String> bn = Freezing.batchNormLayers(study);
        List<String> frozen = bn.stream().filter(n -> Freezing.isFrozen(study, n)).toList();

        assertThat(bn).hasSize(53);
        assertThat(frozen).hasSize(43).contains("stem-batch1", "bn2a_branch1", "bn4f_branch2c")
                .noneMatch(n -> n.startsWith("bn5"));
        assertThat(bn.stream().filter(n -> !Freezing.isFrozen(study, n)))
                .containsExactlyInAnyOrder("bn5a_branch2a", "bn5a_branch2b", "bn5a_branch2c", "bn5a_branch1",
                        "bn5b_branch2a", "bn5b_branch2b", "bn5b_branch2c", "bn5c_branch2a", "bn5c_branch2b", "bn5c_branch2c");
    }

    @Test
    void theBoundaryFallsWhereKerassFallsInsideBlock4f() {
        assertThat(Freezing.isFrozen(study, "res4f_branch2c")).isTrue();
        assertThat(Freezing.isFrozen(study, "res4e_branch")).isTrue();
        // the add and ReLU closing block 4f come after Keras's layer 140: trainable there too (no parameters)
        assertThat(Freezing.isFrozen(study, "short4f_branch")).isFalse();
        assertThat(Freezing.isFrozen(study, "res4f_branch")).isFalse();
        assertThat(Freezing.isFrozen(study, "res5a_branch2a")).isFalse();
        assertThat(study.getLayer("res5a_branch2a")).isInstanceOf(SingleForwardConvolutionLayer.Impl.class);
        assertThat(study.getLayer("bn4f_branch2c")).isInstanceOf(bnfreeze.bn.PolicyFrozenLayerImpl.class);
    }

    @Test
    void theHeadIsAveragePoolingThenFlattenAndDenseTwoGlorotUniform() {
        assertThat(study.getConfiguration().getNetworkOutputs()).containsExactly(Heads.HEAD);
        assertThat(study.getConfiguration().getVertexInputs().get(Heads.HEAD)).containsExactly(Heads.POOL);
        assertThat(study.getConfiguration().getVertexInputs().get(Heads.POOL)).containsExactly(ResNet50Imagenet.BASE_OUTPUT);
        assertThat(study.getLayer(Heads.HEAD).getParam("W").shape()).containsExactly(2048, 2);
        assertThat(study.getConfiguration().getVertices()).doesNotContainKeys("output", "avgpool");
        assertThat(study.outputSingle(org.nd4j.linalg.factory.Nd4j.rand(1, 3, 224, 224)).shape()).containsExactly(1, 2);
    }

    @Test
    void stageFiveEndsAt7x7AsInKerasNotAt4x4AsInDl4jsZooConfiguration() {
        ComputationGraph zoo = org.deeplearning4j.zoo.model.ResNet50.builder().numClasses(1000).build().init();

        assertThat(ResNet50Imagenet.outputSize(zoo, ResNet50Imagenet.BASE_OUTPUT)).isEqualTo(4);
        assertThat(ResNet50Imagenet.outputSize(ResNet50Imagenet.withKerasStrides(zoo), ResNet50Imagenet.BASE_OUTPUT)).isEqualTo(7);
        assertThat(ResNet50Imagenet.outputSize(study, "res2c_branch")).isEqualTo(55);
        assertThat(ResNet50Imagenet.outputSize(study, "res4f_branch")).isEqualTo(14);
        assertThat(ResNet50Imagenet.withKerasStrides(zoo).params()).isEqualTo(zoo.params());
    }

    @Test
    void wholeBaseFrozenForTheHeadPhase() {
        Set<String> frozen = Freezing.frozenVertices(study.getConfiguration(), ResNet50Imagenet.BASE_OUTPUT);

        assertThat(frozen).doesNotContain(Heads.POOL, Heads.HEAD).contains("bn5c_branch2c", "stem-cnn1");
    }

    @Test
    void aMissingWeightsFileSaysWhatToFetch(@TempDir Path dir) {
        Path missing = dir.resolve("resnet50_dl4j_inference.v3.zip");

        assertThatThrownBy(() -> ResNet50Imagenet.imagenet(Optional.of(missing)))
                .isInstanceOf(WeightsUnavailableException.class)
                .hasMessage(missing + ": ResNet50 ImageNet weights not found; download " + ResNet50Imagenet.weightsUrl()
                        + " and pass it with --weights FILE (or put it at " + ResNet50Imagenet.zooCacheFile() + ")");
    }

    @Test
    void aForeignWeightsFileIsRejectedByItsChecksum(@TempDir Path dir) throws Exception {
        Path foreign = Files.write(dir.resolve("weights.zip"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> ResNet50Imagenet.imagenet(Optional.of(foreign)))
                .isInstanceOf(WeightsUnavailableException.class)
                .hasMessageContaining("damaged or not DL4J's ResNet50 ImageNet weights (Adler-32 ");
    }

    @Test
    void offlineWithoutTheFileOneLineSaysWhatToFetch(@TempDir Path dir) {
        // an empty zoo cache, and a download address where nothing answers: offline whatever the network
        String url = DL4JResources.getBaseDownloadURL();
        DL4JResources.setBaseDirectory(dir.toFile());
        DL4JResources.setBaseDownloadURL("http://127.0.0.1:9/");
        try {
            assertThatThrownBy(() -> ResNet50Imagenet.imagenet(Optional.empty()))
                    .isInstanceOf(WeightsUnavailableException.class)
                    .hasMessageContaining("cannot be downloaded (offline?")
                    .hasMessageContaining("download http://127.0.0.1:9/models/resnet50_dl4j_inference.v3.zip")
                    .hasMessageContaining(dir.toString())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } finally {
            DL4JResources.resetBaseDirectoryLocation();
            DL4JResources.setBaseDownloadURL(url);
        }
    }
}
