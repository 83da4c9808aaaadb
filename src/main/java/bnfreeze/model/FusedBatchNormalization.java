package bnfreeze.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's BatchNormalization with its CPU work done by {@link BatchNormKernels}: batch statistics
 * and backward pass each in one fused loop instead of DL4J's separate array operations. The
 * normalization itself, given the statistics, stays oneDNN's (so inference is exactly DL4J's);
 * without oneDNN the kernels do it too.
 *
 * <p>DL4J's layer delegates exactly these three to a "helper" (oneDNN's on CPU, cuDNN's on GPU)
 * and keeps everything else: the moving averages, parameter gradients' bookkeeping, NHWC, fallbacks.
 * This class installs a helper built on the kernels when the backend is the CPU and DL4J's helpers
 * are allowed; on CUDA, and for anything the kernels do not handle (NHWC, other data types),
 * DL4J's own code runs. Results equal DL4J's to float rounding (tested), not bitwise.
 *
 * <p>The configuration serialises under this class's name, so saved and reloaded networks keep it.
 */
public class FusedBatchNormalization extends BatchNormalization {

    /** For JSON deserialisation; build one with {@link #of(BatchNormalization)}. */
    public FusedBatchNormalization() {}

    /** A copy of {@code bn}'s configuration, every field, as this class. */
    public static FusedBatchNormalization of(BatchNormalization bn) {
        return LayerImplementations.copyAs(bn, FusedBatchNormalization.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        org.deeplearning4j.nn.conf.layers.LayerValidation.assertNOutSet("BatchNormalization", getLayerName(), layerIndex, getNOut());
        return LayerImplementations.wired(new Impl(conf, networkDataType), this, conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    /** DL4J's layer with the kernel helper in place of oneDNN's. */
    public static final class Impl extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {

        // DL4J 1.0.0-M2.1 keeps the helper in a package-private field and offers no way to choose it
        private static final VarHandle HELPER;

        static {
            try {
                HELPER = MethodHandles.privateLookupIn(org.deeplearning4j.nn.layers.normalization.BatchNormalization.class,
                        MethodHandles.lookup()).findVarHandle(org.deeplearning4j.nn.layers.normalization.BatchNormalization.class,
                        "helper", BatchNormalizationHelper.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        public Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            if (Nd4j.getEnvironment().isCPU() && Nd4j.getEnvironment().helpersAllowed() && !layerConf().isLockGammaBeta()) {
                HELPER.set(this, new KernelHelper());
            }
        }
    }

    /** The three passes DL4J delegates, on {@link BatchNormKernels}; {@code null} (DL4J's own code) where they do not apply. */
    static final class KernelHelper implements BatchNormalizationHelper {

        /** DL4J's oneDNN helper, which normalizes (given statistics) as fast as the kernels and is DL4J's own; null without oneDNN. */
        private final MKLDNNBatchNormHelper oneDnn = BaseMKLDNNHelper.mklDnnEnabled() ? new MKLDNNBatchNormHelper(DataType.FLOAT) : null;
        private INDArray meanCache;
        private INDArray varCache;
        /** Whether the last forward pass was a training one done here, whose statistics backpropagation needs. */
        private boolean statisticsCached;

        @Override
        public boolean checkSupported(double eps, boolean fixedGammaBeta) {
            return !fixedGammaBeta;
        }

        @Override
        public boolean checkSupported() {
            return true;
        }

        @Override
        public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta, INDArray mean,
                                  INDArray var, double decay, double eps, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
            statisticsCached = false;
            if (x.rank() == 4 && format != CNN2DFormat.NCHW || !BatchNormKernels.supports(x)) {
                return null;
            }
            if (training) {
                float[] batchMean = new float[(int) x.size(1)];
                float[] batchVariance = new float[batchMean.length];
                BatchNormKernels.statistics(x, batchMean, batchVariance);
                cache(batchMean, batchVariance);
                statisticsCached = true;
            }
            INDArray m = training ? meanCache : mean;
            INDArray v = training ? varCache : var;
            if (oneDnn != null) {
                // oneDNN's normalization with the statistics given, as in DL4J's inference; DL4J's slow ones never computed
                return oneDnn.preOutput(x, false, shape, gamma, beta, m, v, decay, eps, format, workspaceMgr);
            }
            float[] scale = new float[(int) x.size(1)];
            float[] shift = new float[scale.length];
            BatchNormKernels.normalization(m.toFloatVector(), v.toFloatVector(), gamma.toFloatVector(), beta.toFloatVector(),
                    eps, scale, shift);
            INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape());
            BatchNormKernels.affine(x, scale, shift, out);
            return out;
        }

        private void cache(float[] mean, float[] variance) {
            // outside any workspace: DL4J's layer reads them after the forward pass's workspace is closed
            try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                meanCache = Nd4j.createFromArray(mean);
                varCache = Nd4j.createFromArray(variance);
            }
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
                                                         INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps,
                                                         CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
            if (!statisticsCached) {
                return null;
            }
            INDArray dy = Shape.hasDefaultStridesForShape(epsilon) && epsilon.ordering() == 'c' ? epsilon : epsilon.dup('c');
            if (!BatchNormKernels.supports(input, dy)) {
                return null;
            }
            int channels = (int) input.size(1);
            float[] dGamma = new float[channels];
            float[] dBeta = new float[channels];
            INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
            BatchNormKernels.backward(input, dy, meanCache.toFloatVector(), varCache.toFloatVector(), gamma.toFloatVector(),
                    eps, dx, dGamma, dBeta);
            dGammaView.assign(Nd4j.createFromArray(dGamma).reshape(dGammaView.shape()));
            dBetaView.assign(Nd4j.createFromArray(dBeta).reshape(dBetaView.shape()));
            Gradient g = new DefaultGradient();
            g.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
            g.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
            return new Pair<>(g, dx);
        }

        @Override
        public INDArray getMeanCache(DataType dataType) {
            return meanCache;
        }

        @Override
        public INDArray getVarCache(DataType dataType) {
            return varCache;
        }

        @Override
        public Map<String, Long> helperMemoryUse() {
            return Map.of();
        }
    }
}
