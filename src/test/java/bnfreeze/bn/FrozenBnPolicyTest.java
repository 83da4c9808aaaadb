package bnfreeze.bn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import bnfreeze.model.Freezing;
import bnfreeze.model.FrozenLayerWrapper;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The semantics of the three policies, pinned against values computed by hand on
 * {@link TinyNetworks#twoBatchNorms}: bn1 frozen, bn2 and the head trainable.
 */
class FrozenBnPolicyTest {

    private static final float[] GAMMA = {1.5f, 0.5f};
    private static final float[] BETA = {-0.25f, 0.75f};
    private static final float[] MOVING_MEAN = {2f, -1f};
    private static final float[] MOVING_VAR = {4f, 0.25f};

    static Stream<Arguments> policiesAndParameterizations() {
        return Stream.of(FrozenBnPolicy.values())
                .flatMap(p -> Stream.of(Arguments.of(p, false), Arguments.of(p, true)));
    }

    private static ComputationGraph frozen(FrozenBnPolicy policy, boolean useLogStd) {
        return FrozenBnPolicies.freeze(TinyNetworks.twoBatchNorms(useLogStd), "bn1", policy);
    }

    @ParameterizedTest
    @MethodSource("policiesAndParameterizations")
    void trainingModeOutputOfFrozenBnFollowsThePolicy(FrozenBnPolicy policy, boolean useLogStd) {
        ComputationGraph net = frozen(policy, useLogStd);
        INDArray x = TinyNetworks.features();

        INDArray out = net.feedForward(x, true).get("bn1");

        double[][] stats = policy == FrozenBnPolicy.PATCHED ? movingStatistics() : batchStatistics(x);
        assertMatches(out, normalizeByHand(x, stats[0], stats[1]), 1e-4);
    }

    @ParameterizedTest
    @MethodSource("policiesAndParameterizations")
    void inferenceModeOutputOfFrozenBnUsesMovingStatistics(FrozenBnPolicy policy, boolean useLogStd) {
        ComputationGraph net = frozen(policy, useLogStd);
        INDArray x = TinyNetworks.features();

        INDArray out = net.feedForward(x, false).get("bn1");

        double[][] moving = movingStatistics();
        assertMatches(out, normalizeByHand(x, moving[0], moving[1]), 1e-4);
    }

    @ParameterizedTest
    @EnumSource(value = FrozenBnPolicy.class, names = {"KERAS", "PATCHED"})
    void fitLeavesFrozenBnBitwiseUnchanged(FrozenBnPolicy policy) {
        ComputationGraph net = frozen(policy, false);
        Map<String, INDArray> before = copyOf(net.getLayer("bn1").paramTable());
        INDArray headBefore = net.getLayer("out").params().dup();

        fitSteps(net, 3);

        assertThat(copyOf(net.getLayer("bn1").paramTable())).isEqualTo(before);
        assertThat(net.getLayer("out").params()).as("the head must have trained").isNotEqualTo(headBefore);
    }

    @ParameterizedTest
    @MethodSource("legacyParameterizations")
    void legacyMovesTheMovingStatisticsOnlyAndByOneMovingAverageStepPerIteration(boolean useLogStd) {
        ComputationGraph net = frozen(FrozenBnPolicy.LEGACY, useLogStd);
        INDArray x = TinyNetworks.features();
        double[][] batch = batchStatistics(x);

        fitSteps(net, 1);

        Map<String, INDArray> params = net.getLayer("bn1").paramTable();
        assertThat(params.get("gamma").toFloatVector()).containsExactly(GAMMA);
        assertThat(params.get("beta").toFloatVector()).containsExactly(BETA);
        float[] mean = params.get("mean").toFloatVector();
        double[] var = variance(params, useLogStd);
        double d = TinyNetworks.DECAY;
        for (int c = 0; c < 2; c++) {
            assertThat((double) mean[c]).isCloseTo(d * MOVING_MEAN[c] + (1 - d) * batch[0][c], within(1e-5));
            assertThat(var[c]).isCloseTo(d * MOVING_VAR[c] + (1 - d) * batch[1][c], within(1e-4));
        }
    }

    static Stream<Boolean> legacyParameterizations() {
        return Stream.of(false, true);
    }

    @ParameterizedTest
    @EnumSource(FrozenBnPolicy.class)
    void trainableBnTrainsNormallyUnderEveryPolicy(FrozenBnPolicy policy) {
        ComputationGraph net = frozen(policy, false);
        INDArray bn2Input = net.feedForward(TinyNetworks.features(), true).get("bn1");
        double[][] batch = batchStatistics(bn2Input);
        float[] meanBefore = net.getLayer("bn2").getParam("mean").toFloatVector();
        float[] varBefore = net.getLayer("bn2").getParam("var").toFloatVector();
        float[] gammaBefore = net.getLayer("bn2").getParam("gamma").toFloatVector();

        fitSteps(net, 1);

        float[] mean = net.getLayer("bn2").getParam("mean").toFloatVector();
        float[] var = net.getLayer("bn2").getParam("var").toFloatVector();
        double d = TinyNetworks.DECAY;
        for (int c = 0; c < 2; c++) {
            assertThat((double) mean[c]).isCloseTo(d * meanBefore[c] + (1 - d) * batch[0][c], within(1e-5));
            assertThat((double) var[c]).isCloseTo(d * varBefore[c] + (1 - d) * batch[1][c], within(1e-4));
        }
        assertThat(net.getLayer("bn2").getParam("gamma").toFloatVector()).isNotEqualTo(gammaBefore);
    }

    @ParameterizedTest
    @EnumSource(FrozenBnPolicy.class)
    void trainingModeEvaluationChangesNothingNowOrLater(FrozenBnPolicy policy) {
        ComputationGraph evaluated = frozen(policy, false);
        ComputationGraph untouched = frozen(policy, false);
        fitSteps(evaluated, 1);
        fitSteps(untouched, 1);
        INDArray before = evaluated.params().dup();

        evaluated.output(true, TinyNetworks.features().mul(3).addi(1));

        assertThat(evaluated.params()).isEqualTo(before);
        fitSteps(evaluated, 2);
        fitSteps(untouched, 2);
        assertThat(evaluated.params()).isEqualTo(untouched.params());
    }

    @ParameterizedTest
    @EnumSource(FrozenBnPolicy.class)
    void saveAndReloadGivesIdenticalOutputsInBothModes(FrozenBnPolicy policy, @TempDir Path dir) throws Exception {
        ComputationGraph net = frozen(policy, false);
        fitSteps(net, 2);
        File file = dir.resolve("model.zip").toFile();

        ModelSerializer.writeModel(net, file, true);
        ComputationGraph reloaded = ModelSerializer.restoreComputationGraph(file, true);

        INDArray x = TinyNetworks.features();
        assertThat(reloaded.outputSingle(false, x)).isEqualTo(net.outputSingle(false, x));
        assertThat(reloaded.outputSingle(true, x)).isEqualTo(net.outputSingle(true, x));
        assertThat(reloaded.getLayer("bn1")).isInstanceOf(PolicyFrozenLayerImpl.class);
        assertThat(((PolicyFrozenLayerImpl) reloaded.getLayer("bn1")).policy()).isEqualTo(policy);
        assertThat(reloaded.getConfiguration()).isEqualTo(net.getConfiguration());
    }

    @Test
    void patchedBehavesAsDl4jsOwnFrozenLayer() {
        ComputationGraph ours = frozen(FrozenBnPolicy.PATCHED, false);
        ComputationGraph dl4j = Freezing.freezeThrough(TinyNetworks.twoBatchNorms(false), "bn1", FrozenLayerWrapper.DL4J);
        INDArray x = TinyNetworks.features();

        assertThat(ours.feedForward(x, true).get("bn1")).isEqualTo(dl4j.feedForward(x, true).get("bn1"));
        fitSteps(ours, 2);
        fitSteps(dl4j, 2);
        assertThat(ours.params()).isEqualTo(dl4j.params());
    }

    @Test
    void policiesAreNamedAsOnTheCommandLine() {
        assertThat(FrozenBnPolicy.fromId("keras")).isEqualTo(FrozenBnPolicy.KERAS);
        assertThat(FrozenBnPolicy.fromId("patched")).isEqualTo(FrozenBnPolicy.PATCHED);
        assertThat(FrozenBnPolicy.fromId("legacy")).isEqualTo(FrozenBnPolicy.LEGACY);
        assertThatThrownBy(() -> FrozenBnPolicy.fromId("Keras"))
                .hasMessage("unknown frozen-BN policy \"Keras\"; expected one of keras, patched, legacy");
    }

    // ---- hand computation ----------------------------------------------------------------

    private static void fitSteps(ComputationGraph net, int steps) {
        for (int i = 0; i < steps; i++) {
            net.fit(new DataSet(TinyNetworks.features(), TinyNetworks.labels()));
        }
    }

    private static double[][] movingStatistics() {
        double[][] stats = new double[2][2];
        for (int c = 0; c < 2; c++) {
            stats[0][c] = MOVING_MEAN[c];
            stats[1][c] = MOVING_VAR[c];
        }
        return stats;
    }

    /** Per-channel mean and biased variance over examples and positions. */
    private static double[][] batchStatistics(INDArray x) {
        double[][] stats = new double[2][2];
        long n = x.size(0) * x.size(2) * x.size(3);
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            for (int i = 0; i < x.size(0); i++) {
                for (int h = 0; h < x.size(2); h++) {
                    for (int w = 0; w < x.size(3); w++) {
                        sum += x.getDouble(i, c, h, w);
                    }
                }
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 0; i < x.size(0); i++) {
                for (int h = 0; h < x.size(2); h++) {
                    for (int w = 0; w < x.size(3); w++) {
                        squares += Math.pow(x.getDouble(i, c, h, w) - mean, 2);
                    }
                }
            }
            stats[0][c] = mean;
            stats[1][c] = squares / n;
        }
        return stats;
    }

    private static double[][][][] normalizeByHand(INDArray x, double[] mean, double[] var) {
        double[][][][] out = new double[(int) x.size(0)][2][2][2];
        for (int i = 0; i < x.size(0); i++) {
            for (int c = 0; c < 2; c++) {
                for (int h = 0; h < 2; h++) {
                    for (int w = 0; w < 2; w++) {
                        out[i][c][h][w] = GAMMA[c] * (x.getDouble(i, c, h, w) - mean[c])
                                / Math.sqrt(var[c] + TinyNetworks.EPS) + BETA[c];
                    }
                }
            }
        }
        return out;
    }

    private static void assertMatches(INDArray actual, double[][][][] expected, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < 2; c++) {
                for (int h = 0; h < 2; h++) {
                    for (int w = 0; w < 2; w++) {
                        assertThat(actual.getDouble(i, c, h, w)).as("[%d,%d,%d,%d]", i, c, h, w)
                                .isCloseTo(expected[i][c][h][w], within(tolerance));
                    }
                }
            }
        }
    }

    private static double[] variance(Map<String, INDArray> params, boolean useLogStd) {
        if (!useLogStd) {
            return params.get("var").toDoubleVector();
        }
        double[] log10Std = params.get("log10stdev").toDoubleVector();
        return java.util.Arrays.stream(log10Std).map(l -> Math.pow(Math.pow(10, l), 2)).toArray();
    }

    private static Map<String, INDArray> copyOf(Map<String, INDArray> params) {
        Map<String, INDArray> copy = new java.util.TreeMap<>();
        params.forEach((k, v) -> copy.put(k, v.dup()));
        return copy;
    }
}
