package bnfreeze.bn;

import bnfreeze.model.Freezing;
import bnfreeze.model.FrozenLayerWrapper;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Freezing under a frozen-BN policy. */
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
}
