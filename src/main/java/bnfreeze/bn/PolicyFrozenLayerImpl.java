package bnfreeze.bn;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A frozen layer that lets the learning phase through where its policy says so.
 *
 * <p>DL4J's {@link FrozenLayer} runs the wrapped layer in inference mode always, which is the
 * {@code patched} behaviour for BatchNormalization but also switches off Dropout in frozen
 * layers. Here the wrapped layer sees the real learning phase when it is a BatchNormalization
 * layer whose policy uses batch statistics, or when it applies Dropout (Dropout is never
 * affected by freezing, as in Keras); other frozen layers run in inference mode, which for them
 * computes the same output without keeping state for a backward pass that never comes.
 *
 * <p>Being a {@link FrozenLayer}, it is skipped by the backward pass, so its parameters get no
 * gradient. The {@code legacy} policy's moving statistics are therefore updated through the
 * gradient view instead: each training-mode forward pass writes the moving-average step for the
 * batch it normalized into the layer's slots of the network's gradient array, which the
 * optimizer's step subtracts from the parameters right after that forward pass (the slots of
 * these statistics have a no-op updater and are not divided by the batch size). Outside
 * {@code fit} the written step is never applied, so evaluation in training mode changes nothing;
 * the next training forward pass overwrites it.
 */
public class PolicyFrozenLayerImpl extends FrozenLayer {

    private final FrozenBnPolicy policy;
    private final boolean batchNorm;
    /** This layer's slots in the network's gradient array (DL4J's FrozenLayer discards them). */
    private INDArray gradientView;

    public PolicyFrozenLayerImpl(Layer insideLayer, FrozenBnPolicy policy) {
        super(insideLayer);
        this.policy = policy;
        this.batchNorm = insideLayer.conf().getLayer() instanceof BatchNormalization;
    }

    public FrozenBnPolicy policy() {
        return policy;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray output = underlying.activate(innerTrainingMode(training), workspaceMgr);
        if (training && batchNorm && policy.updatesMovingStatistics()) {
            writeMovingStatisticsUpdate();
        }
        return output;
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    /** The learning phase the wrapped layer runs in when the network runs in {@code training}. */
    boolean innerTrainingMode(boolean training) {
        if (batchNorm) {
            return training && policy.usesBatchStatisticsInTraining();
        }
        return training && underlying.conf().getLayer().getIDropout() != null;
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray gradients) {
        this.gradientView = gradients;
    }

    @Override
    public INDArray getGradientsViewArray() {
        return gradientView;
    }

    private void writeMovingStatisticsUpdate() {
        if (gradientView == null) {
            return; // never part of a fit: nothing would apply the step
        }
        BatchNormalization conf = (BatchNormalization) underlying.conf().getLayer();
        Map<String, INDArray> gradientViews = BatchNormalizationParamInitializer.getInstance()
                .getGradientsFromFlattened(underlying.conf(), gradientView);
        MovingStatistics.writeUpdate(conf, underlying.paramTable(), gradientViews,
                ((AbstractLayer<?>) underlying).input());
    }
}
