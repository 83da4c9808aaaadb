package bnfreeze.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bnfreeze.bn.FrozenBnPolicies;
import bnfreeze.bn.FrozenBnPolicy;
import bnfreeze.data.ImageSet;
import bnfreeze.data.ImageBatches;
import bnfreeze.data.PixelNormalization;
import bnfreeze.model.SmallResNet;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

class LearningPhaseEvaluatorTest {

    private static final SmallResNet TINY = new SmallResNet(1, 8, 8, List.of(4, 8), 1, 2, 0.9, 1e-3);

    private static ImageBatches data() {
        byte[] pixels = new byte[30 * 64];
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                pixels[i * 64 + p] = (byte) ((i * 31 + p * 7) % 200 + labels[i] * 40);
            }
        }
        return new ImageBatches(new ImageSet(30, 1, 8, 8, pixels, labels), new int[] {0, 1}, PixelNormalization.UNIT_INTERVAL);
    }

    private static ComputationGraph frozenNet(FrozenBnPolicy policy) {
        ComputationGraph net = FrozenBnPolicies.freeze(TINY.build(1, new Sgd(0.1)), "s1b1_out", policy);
        net.fit(data().inOrder(30).next());
        return net;
    }

    @ParameterizedTest
    @EnumSource(FrozenBnPolicy.class)
    void dynamicEqualsStatic0AndStatic1ChangesNothing(FrozenBnPolicy policy) {
        ComputationGraph net = frozenNet(policy);
        LearningPhaseEvaluator evaluator = new LearningPhaseEvaluator(8, 42);
        INDArray before = net.params().dup();

        PhaseMetrics dynamic = evaluator.evaluate(net, data(), LearningPhase.DYNAMIC);
        PhaseMetrics static0 = evaluator.evaluate(net, data(), LearningPhase.STATIC0);
        PhaseMetrics static1 = evaluator.evaluate(net, data(), LearningPhase.STATIC1);

        assertThat(static0).isEqualTo(dynamic);
        assertThat(static1.acc()).isBetween(0.0, 1.0);
        assertThat(net.params()).isEqualTo(before);
        assertThat(evaluator.evaluate(net, data(), LearningPhase.STATIC1)).as("static1 is repeatable").isEqualTo(static1);
    }

    @Test
    void lossIsTheMeanCrossEntropyOfTheProbabilitiesAndAucComesWithTwoClasses() {
        ComputationGraph net = frozenNet(FrozenBnPolicy.PATCHED);
        ImageBatches data = data();
        DataSet all = data.inOrder(30).next();
        INDArray p = net.outputSingle(false, all.getFeatures());
        double expected = 0;
        for (int i = 0; i < 30; i++) {
            int label = all.getLabels().getFloat(i, 1) == 1f ? 1 : 0;
            expected -= Math.log(p.getDouble(i, label));
        }
        expected /= 30;

        PhaseMetrics metrics = new LearningPhaseEvaluator(7, 1).evaluate(net, data, LearningPhase.STATIC0);

        assertThat(metrics.loss()).isCloseTo(expected, within(1e-5));
        assertThat(metrics.auc()).isNotNull().isBetween(0.0, 1.0);
    }
}
