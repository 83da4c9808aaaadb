package bnfreeze.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The kernels against the textbook formulas evaluated in double precision with ND4J's operations. */
class BatchNormKernelsTest {

    private static INDArray input(long seed, double mean, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, shape).muli(2).addi(mean).castTo(DataType.FLOAT);
    }

    private static int[] reduced(INDArray x) {
        return x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
    }

    private static void assertClose(float[] actual, INDArray expected, double relative) {
        double[] e = expected.toDoubleVector();
        double scale = expected.amaxNumber().doubleValue();
        for (int i = 0; i < e.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(e[i], within(relative * scale + 1e-12));
        }
    }

    @Test
    void statisticsAreTheBatchMeanAndBiasedVariancePerChannel() {
        for (INDArray x : new INDArray[] {input(1, 0.5, 4, 3, 5, 7), input(2, 1.0, 6, 5)}) {
            INDArray exact = x.castTo(DataType.DOUBLE);
            float[] mean = new float[(int) x.size(1)];
            float[] variance = new float[mean.length];

            BatchNormKernels.statistics(x, mean, variance);

            assertClose(mean, exact.mean(reduced(x)), 1e-6);
            assertClose(variance, exact.var(false, reduced(x)), 1e-6);
        }
    }

    @Test
    void varianceStaysAccurateFarFromZero() {
        // mean 1000, sd 2: E[x^2] - E[x]^2 in float would lose every digit of the variance
        INDArray x = input(3, 1000, 8, 2, 16, 16);
        float[] mean = new float[2];
        float[] variance = new float[2];

        BatchNormKernels.statistics(x, mean, variance);

        assertClose(variance, x.castTo(DataType.DOUBLE).var(false, 0, 2, 3), 1e-5);
    }

    @Test
    void affineAppliesScaleAndShiftPerChannel() {
        INDArray x = input(4, 0, 2, 3, 2, 2);
        INDArray out = x.ulike();

        BatchNormKernels.affine(x, new float[] {2, -1, 0}, new float[] {1, 0, 5}, out);

        assertThat(out.getFloat(1, 0, 1, 0)).isEqualTo(x.getFloat(1, 0, 1, 0) * 2 + 1);
        assertThat(out.getFloat(0, 1, 0, 1)).isEqualTo(-x.getFloat(0, 1, 0, 1));
        assertThat(out.getFloat(1, 2, 1, 1)).isEqualTo(5f);
    }

    @Test
    void backwardIsTheDerivativeOfTrainingModeNormalization() {
        INDArray x = input(5, 3, 4, 3, 5, 5);
        INDArray dy = input(6, 0, 4, 3, 5, 5);
        float[] gamma = {0.5f, 2f, -1f};
        double eps = 1e-3;
        float[] mean = new float[3];
        float[] variance = new float[3];
        BatchNormKernels.statistics(x, mean, variance);
        INDArray dx = x.ulike();
        float[] dGamma = new float[3];
        float[] dBeta = new float[3];

        BatchNormKernels.backward(x, dy, mean, variance, gamma, eps, dx, dGamma, dBeta);

        // reference: xhat = (x - m) / s; dx = g / s * (dy - mean(dy) - xhat * mean(dy * xhat))
        INDArray xd = x.castTo(DataType.DOUBLE);
        INDArray dyd = dy.castTo(DataType.DOUBLE);
        INDArray m = xd.mean(true, 0, 2, 3);
        INDArray s = Transforms.sqrt(xd.var(false, 0, 2, 3).reshape(1, 3, 1, 1).addi(eps));
        INDArray xhat = xd.sub(m).divi(s);
        INDArray g = Nd4j.createFromArray(gamma).castTo(DataType.DOUBLE).reshape(1, 3, 1, 1);
        INDArray expected = dyd.sub(dyd.mean(true, 0, 2, 3)).subi(xhat.mul(dyd.mul(xhat).mean(true, 0, 2, 3))).muli(g).divi(s);
        assertClose(dx.ravel().toFloatVector(), expected.reshape(-1), 1e-5);
        assertClose(dGamma, dyd.mul(xhat).sum(0, 2, 3), 1e-5);
        assertClose(dBeta, dyd.sum(0, 2, 3), 1e-6);
    }

    @Test
    void viewsAreReadFromTheirOffset() {
        INDArray whole = input(7, 2, 6, 3, 4, 4);
        INDArray view = whole.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        float[] fromView = new float[3];
        float[] fromCopy = new float[3];
        float[] variance = new float[3];

        assertThat(view.offset()).isPositive();
        assertThat(BatchNormKernels.supports(view)).isTrue();
        BatchNormKernels.statistics(view, fromView, variance);
        BatchNormKernels.statistics(view.dup(), fromCopy, variance);

        assertThat(fromView).containsExactly(fromCopy);
    }

    @Test
    void onlyContiguousFloatArraysOfRankTwoOrFourAreSupported() {
        INDArray x = input(8, 0, 2, 3, 4, 4);

        assertThat(BatchNormKernels.supports(x)).isTrue();
        assertThat(BatchNormKernels.supports(x.castTo(DataType.DOUBLE))).isFalse();
        assertThat(BatchNormKernels.supports(x.permute(0, 2, 3, 1))).isFalse();
        assertThat(BatchNormKernels.supports(x.reshape(2, 3, 16))).isFalse();
    }
}
