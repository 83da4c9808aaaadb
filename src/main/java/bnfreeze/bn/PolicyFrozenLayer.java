package bnfreeze.bn;

import java.util.Collection;
import java.util.Objects;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Configuration of a frozen layer whose training-mode behaviour follows a {@link FrozenBnPolicy}.
 * It extends DL4J's {@link FrozenLayer} so that everything DL4J does for frozen layers still
 * applies (no updater, no regularization, backpropagation stops here); it is written into the
 * network's JSON with its policy and so survives {@code ModelSerializer} save and reload.
 */
public class PolicyFrozenLayer extends FrozenLayer {

    private FrozenBnPolicy policy;

    public PolicyFrozenLayer(@JsonProperty("layer") Layer layer, @JsonProperty("policy") FrozenBnPolicy policy) {
        super(layer);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @JsonProperty("policy")
    public FrozenBnPolicy getPolicy() {
        return policy;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        org.deeplearning4j.nn.layers.FrozenLayer dl4jFrozen = (org.deeplearning4j.nn.layers.FrozenLayer) super
                .instantiate(conf, trainingListeners, layerIndex, layerParamsView, initializeParams, networkDataType);
        return new PolicyFrozenLayerImpl(dl4jFrozen.getInsideLayer(), policy);
    }

    @Override
    public Layer clone() {
        PolicyFrozenLayer copy = (PolicyFrozenLayer) super.clone();
        copy.policy = policy;
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyFrozenLayer other && policy == other.policy && Objects.equals(getLayer(), other.getLayer());
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, getLayer());
    }
}
