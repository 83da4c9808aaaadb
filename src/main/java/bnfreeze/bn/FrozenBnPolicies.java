package bnfreeze.bn;

import bnfreeze.model.Freezing;
import bnfreeze.model.FrozenLayerWrapper;
import java.util.List;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Freezing under a frozen-BN policy, and inspection of the result. */
public final class FrozenBnPolicies {

    private FrozenBnPolicies() {}

    /** Wraps frozen layers so that they behave as {@code policy} says. */
    public static FrozenLayerWrapper wrapper(FrozenBnPolicy policy) {
        return layer -> new PolicyFrozenLayer(layer, policy);
    }

    /** {@code net} with everything up to {@code boundary} frozen under {@code policy}. */
    public static ComputationGraph freeze(ComputationGraph net, String boundary, FrozenBnPolicy policy) {
        return Freezing.freezeThrough(net, boundary, wrapper(policy));
    }

    /** Names of the network's BatchNormalization layers, frozen or not, in configuration order. */
    public static List<String> batchNormLayers(ComputationGraph net) {
        return net.getConfiguration().getVertices().entrySet().stream()
                .filter(e -> isBatchNorm(e.getValue()))
                .map(java.util.Map.Entry::getKey)
                .toList();
    }

    /** Names of the frozen BatchNormalization layers. */
    public static List<String> frozenBatchNormLayers(ComputationGraph net) {
        return batchNormLayers(net).stream().filter(name -> Freezing.isFrozen(net, name)).toList();
    }

    private static boolean isBatchNorm(GraphVertex vertex) {
        return vertex instanceof LayerVertex lv
                && Freezing.innermost(lv.getLayerConf().getLayer()) instanceof BatchNormalization;
    }
}
