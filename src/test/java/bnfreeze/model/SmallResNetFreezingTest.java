package bnfreeze.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class SmallResNetFreezingTest {

    private static final SmallResNet ARCHITECTURE = new SmallResNet(1, 28, 28, List.of(16, 32, 64), 2, 8, 0.99, 1e-3);

    @Test
    void everyConvolutionIsFollowedByBatchNormalization() {
        ComputationGraph net = ARCHITECTURE.build(1, new Sgd(0.1));

        assertThat(Freezing.batchNormLayers(net)).hasSize(15).hasSize(ARCHITECTURE.batchNormCount());
        long convolutions = net.getConfiguration().getVertices().keySet().stream().filter(n -> n.contains("conv")).count();
        assertThat(convolutions).isEqualTo(15);
        assertThat(net.outputSingle(Nd4j.rand(2, 1, 28, 28)).shape()).containsExactly(2, 8);
    }

    @Test
    void freezingThroughStageTwoFreezesTheStemAndTwoStagesOnly() {
        ComputationGraph net = Freezing.freezeThrough(ARCHITECTURE.build(1, new Sgd(0.1)), ARCHITECTURE.stageOutput(2),
                FrozenLayerWrapper.DL4J);

        List<String> frozenBn = Freezing.batchNormLayers(net).stream().filter(n -> Freezing.isFrozen(net, n)).toList();
        assertThat(frozenBn).hasSize(10).allMatch(n -> n.startsWith("stem") || n.startsWith("s1") || n.startsWith("s2"));
        assertThat(Freezing.isFrozen(net, "s2b2_add")).isTrue();
        assertThat(Freezing.isFrozen(net, "s3b1_conv1")).isFalse();
        assertThat(Freezing.isFrozen(net, SmallResNet.POOL)).isFalse();
        assertThat(Freezing.isFrozen(net, SmallResNet.HEAD)).isFalse();
    }

    @Test
    void freezingKeepsEveryParameterAndCanBeMovedOrUndone() {
        ComputationGraph original = ARCHITECTURE.build(3, new Sgd(0.1));

        ComputationGraph frozen = Freezing.freezeThrough(original, "s1b2_out", FrozenLayerWrapper.DL4J);
        ComputationGraph moved = Freezing.freezeThrough(frozen, "stem_relu", FrozenLayerWrapper.DL4J);
        ComputationGraph thawed = Freezing.freezeThrough(moved, null, FrozenLayerWrapper.DL4J);

        assertThat(frozen.params()).isEqualTo(original.params());
        assertThat(Freezing.isFrozen(moved, "s1b1_conv1")).isFalse();
        assertThat(Freezing.isFrozen(moved, "stem_bn")).isTrue();
        assertThat(Freezing.frozenVertices(thawed.getConfiguration(), "stem_relu"))
                .isEqualTo(Set.of("stem_conv", "stem_bn", "stem_relu"));
        assertThat(Freezing.batchNormLayers(thawed).stream().noneMatch(n -> Freezing.isFrozen(thawed, n))).isTrue();
        assertThat(thawed.params()).isEqualTo(original.params());
    }

    @Test
    void aBoundaryThatNamesNoLayerIsRejected() {
        ComputationGraph net = ARCHITECTURE.build(1, new Sgd(0.1));

        assertThatThrownBy(() -> Freezing.freezeThrough(net, "s9b9_out", FrozenLayerWrapper.DL4J))
                .hasMessage("freezing boundary \"s9b9_out\" names no layer of the network");
    }

    @Test
    void aNewHeadIsGlorotUniformFromItsSeedAndLeavesTheBaseAlone() {
        ComputationGraph base = ARCHITECTURE.build(1, new Sgd(0.1));

        ComputationGraph a = Heads.replaceHead(base, ARCHITECTURE.inputType(), SmallResNet.POOL, null, 2, 42);
        ComputationGraph b = Heads.replaceHead(base, ARCHITECTURE.inputType(), SmallResNet.POOL, null, 2, 42);
        ComputationGraph c = Heads.replaceHead(base, ARCHITECTURE.inputType(), SmallResNet.POOL, null, 2, 43);

        assertThat(a.getLayer(SmallResNet.HEAD).getParam("W").shape()).containsExactly(64, 2);
        assertThat(a.getLayer(SmallResNet.HEAD).params()).isEqualTo(b.getLayer(SmallResNet.HEAD).params());
        assertThat(a.getLayer(SmallResNet.HEAD).params()).isNotEqualTo(c.getLayer(SmallResNet.HEAD).params());
        double limit = Math.sqrt(6.0 / (64 + 2));
        assertThat(a.getLayer(SmallResNet.HEAD).getParam("W").amaxNumber().doubleValue()).isLessThanOrEqualTo(limit);
        assertThat(a.getLayer(SmallResNet.HEAD).getParam("b").sumNumber().doubleValue()).isZero();
        assertThat(a.getLayer("s3b2_bn2").params()).isEqualTo(base.getLayer("s3b2_bn2").params());
    }
}
