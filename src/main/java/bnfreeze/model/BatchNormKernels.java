package bnfreeze.model;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalization's passes over an NCHW (or [batch, channels]) float array, each one loop
 * over the array in place, channels in parallel, sums in double.
 *
 * <p>Why not ND4J's operations: DL4J 1.0.0-M2.1 computes a training batch's statistics with two
 * separate reductions, and its oneDNN backward pass ({@code batchnorm_bp}) lets oneDNN compute only
 * part of the derivative and adds the rest with eight more whole-array operations. On the 2-core
 * machine of {@code results/PERFORMANCE.md} that made BatchNormalization a fifth of a ResNet50
 * training step; these loops are 5-8 times faster on ResNet50's shapes. CPU only: they read the
 * arrays' memory directly.
 */
public final class BatchNormKernels {

    private BatchNormKernels() {}

    /** Whether the kernels can work on {@code arrays}: CPU backend, float, c order with default strides, rank 2 or 4. */
    public static boolean supports(INDArray... arrays) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return false;
        }
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || a.ordering() != 'c' || !Shape.hasDefaultStridesForShape(a)
                    || (a.rank() != 2 && a.rank() != 4) || a.offset() + a.length() > Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** Per-channel mean and biased variance of {@code x} over batch and space. */
    public static void statistics(INDArray x, float[] mean, float[] variance) {
        Layout l = Layout.of(x);
        FloatBuffer xs = x.data().asNioFloat();
        int xo = (int) x.offset();
        IntStream.range(0, l.channels).parallel().forEach(c -> {
            // shifted by one of the channel's values, so that E[x^2] - E[x]^2 does not cancel when the mean is large
            float shift = xs.get(xo + l.start(0, c));
            double sum = 0;
            double squares = 0;
            for (int n = 0; n < l.batch; n++) {
                int start = xo + l.start(n, c);
                for (int i = start; i < start + l.spatial; i++) {
                    double d = xs.get(i) - shift;
                    sum += d;
                    squares += d * d;
                }
            }
            double m = sum / l.count();
            mean[c] = (float) (shift + m);
            variance[c] = (float) Math.max(0, squares / l.count() - m * m);
        });
    }

    /**
     * {@code out = x * scale[c] + shift[c]}: normalization, scale and offset in one, for given
     * statistics; for libnd4j builds without oneDNN, whose normalization is then DL4J's generic code.
     */
    public static void affine(INDArray x, float[] scale, float[] shift, INDArray out) {
        Layout l = Layout.of(x);
        FloatBuffer xs = x.data().asNioFloat();
        FloatBuffer os = out.data().asNioFloat();
        int xo = (int) x.offset();
        int oo = (int) out.offset();
        IntStream.range(0, l.channels).parallel().forEach(c -> {
            float a = scale[c];
            float b = shift[c];
            for (int n = 0; n < l.batch; n++) {
                int from = l.start(n, c);
                for (int i = 0; i < l.spatial; i++) {
                    os.put(oo + from + i, xs.get(xo + from + i) * a + b);
                }
            }
        });
    }

    /** Scale and shift that normalize with {@code mean} and {@code variance}, then apply {@code gamma} and {@code beta}. */
    public static void normalization(float[] mean, float[] variance, float[] gamma, float[] beta, double epsilon,
                                     float[] scale, float[] shift) {
        for (int c = 0; c < mean.length; c++) {
            double s = gamma[c] / Math.sqrt(variance[c] + epsilon);
            scale[c] = (float) s;
            shift[c] = (float) (beta[c] - mean[c] * s);
        }
    }

    /**
     * Gradients of training-mode batch normalization, which normalized {@code x} with its own
     * {@code mean} and {@code variance}: into {@code dx} for the input, {@code dGamma} and
     * {@code dBeta} for the parameters. With {@code xhat = (x - mean) / std},
     * {@code dx = gamma / std * (dy - mean(dy) - xhat * mean(dy * xhat))}, which is affine in
     * {@code dy} and {@code x} per channel: one pass for the two sums, one for {@code dx}.
     */
    public static void backward(INDArray x, INDArray dy, float[] mean, float[] variance, float[] gamma, double epsilon,
                                INDArray dx, float[] dGamma, float[] dBeta) {
        Layout l = Layout.of(x);
        FloatBuffer xs = x.data().asNioFloat();
        FloatBuffer ds = dy.data().asNioFloat();
        FloatBuffer os = dx.data().asNioFloat();
        int xo = (int) x.offset();
        int dyo = (int) dy.offset();
        int dxo = (int) dx.offset();
        IntStream.range(0, l.channels).parallel().forEach(c -> {
            double m = mean[c];
            double sumDy = 0;
            double sumDyCentred = 0;
            for (int n = 0; n < l.batch; n++) {
                int from = l.start(n, c);
                for (int i = 0; i < l.spatial; i++) {
                    double d = ds.get(dyo + from + i);
                    sumDy += d;
                    sumDyCentred += d * (xs.get(xo + from + i) - m);
                }
            }
            double invStd = 1 / Math.sqrt(variance[c] + epsilon);
            dGamma[c] = (float) (sumDyCentred * invStd);
            dBeta[c] = (float) sumDy;
            double a = gamma[c] * invStd;
            double b = -a * invStd * invStd * sumDyCentred / l.count();
            float fa = (float) a;
            float fb = (float) b;
            float fc = (float) (-a * sumDy / l.count() - b * m);
            for (int n = 0; n < l.batch; n++) {
                int from = l.start(n, c);
                for (int i = 0; i < l.spatial; i++) {
                    os.put(dxo + from + i, fa * ds.get(dyo + from + i) + fb * xs.get(xo + from + i) + fc);
                }
            }
        });
    }

    /** Batch, channels and spatial size of a c-order [N, C] or [N, C, H, W] array. */
    private record Layout(int batch, int channels, int spatial) {
        static Layout of(INDArray x) {
            int spatial = x.rank() == 4 ? (int) (x.size(2) * x.size(3)) : 1;
            return new Layout((int) x.size(0), (int) x.size(1), spatial);
        }

        int start(int n, int c) {
            return (n * channels + c) * spatial;
        }

        double count() {
            return (double) batch * spatial;
        }
    }
}
