package bnfreeze.model;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's 2D convolution, minus a second forward pass in backpropagation.
 *
 * <p>DL4J 1.0.0-M2.1's {@code ConvolutionLayer.backpropGradient} recomputes the layer's output
 * before calling the oneDNN (or cuDNN) helper, only to pass it through the activation's
 * derivative. With the identity activation, which every convolution of ResNet50 and of
 * {@link SmallResNet} has (their ReLUs are separate layers), that output is never used, yet it
 * costs as much as the forward convolution: about a sixth of a ResNet50 training step on CPU
 * ({@code results/PERFORMANCE.md}). This layer calls the same helper with the same arrays without
 * it, so gradients are bitwise DL4J's. Any other case (another activation, NHWC, no helper, as on
 * CUDA without DL4J's cuDNN module) is DL4J's own code.
 *
 * <p>The configuration serialises under this class's name, so saved and reloaded networks keep it.
 * {@link LayerImplementations} puts it into networks.
 */
public class SingleForwardConvolutionLayer extends ConvolutionLayer {

    /** For JSON deserialisation; build one with {@link #of(ConvolutionLayer)}. */
    public SingleForwardConvolutionLayer() {}

    /** A copy of {@code conv}'s configuration, every field, as this class. */
    public static SingleForwardConvolutionLayer of(ConvolutionLayer conv) {
        return LayerImplementations.copyAs(conv, SingleForwardConvolutionLayer.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        org.deeplearning4j.nn.conf.layers.LayerValidation.assertNInNOutSet("ConvolutionLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerImplementations.wired(new Impl(conf, networkDataType), this, conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    /** The layer itself: DL4J's, with the helper called directly when the forward output would be unused. */
    public static final class Impl extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {

        public Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /** Whether backpropagation can skip the forward pass: identity activation, NCHW, and a helper that handles this layer's bias. */
        boolean skipsForwardPass() {
            ConvolutionLayer conf = layerConf();
            return helper != null && helperCountFail == 0
                    && conf.getActivationFn() instanceof ActivationIdentity
                    && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                    && (hasBias() || helper instanceof MKLDNNConvHelper);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            if (!skipsForwardPass()) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            assertInputSet(true);
            ConvolutionLayer conf = layerConf();
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
            INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr);
            INDArray in = input.castTo(dataType);
            Pair<Gradient, INDArray> result;
            try {
                result = helper.backpropGradient(in, weights, bias, epsilon.castTo(dataType), conf.getKernelSize(),
                        conf.getStride(), padding(in), gradientViews.get(ConvolutionParamInitializer.BIAS_KEY),
                        gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY), conf.getActivationFn(),
                        conf.getCudnnAlgoMode(), conf.getCudnnBwdFilterAlgo(), conf.getCudnnBwdDataAlgo(),
                        convolutionMode, conf.getDilation(), CNN2DFormat.NCHW, workspaceMgr);
            } catch (RuntimeException e) {
                // as DL4J's layer: out of memory is fatal, anything else falls back to the built-in path for good
                if (!conf.isCudnnAllowFallback() || String.valueOf(e.getMessage()).contains("Failed to allocate")) {
                    throw e;
                }
                helperCountFail++;
                result = null;
            }
            if (result == null) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            result.setSecond(backpropDropOutIfPresent(result.getSecond()));
            return result;
        }

        private int[] padding(INDArray in) {
            ConvolutionLayer conf = layerConf();
            if (convolutionMode != ConvolutionMode.Same) {
                return conf.getPadding();
            }
            int[] outSize = ConvolutionUtils.getOutputSize(in, conf.getKernelSize(), conf.getStride(), null,
                    convolutionMode, conf.getDilation(), CNN2DFormat.NCHW);
            return ConvolutionUtils.getSameModeTopLeftPadding(outSize, new int[] {(int) in.size(2), (int) in.size(3)},
                    conf.getKernelSize(), conf.getStride(), conf.getDilation());
        }
    }
}
