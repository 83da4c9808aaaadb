package bnfreeze.model;

import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Turns the configuration of a layer that is being frozen into the configuration of its frozen
 * form. Freezing is the model's business; what a frozen layer does in training mode is a policy
 * decided above this package (see {@code bnfreeze.bn}), hence this seam.
 */
@FunctionalInterface
public interface FrozenLayerWrapper {

    Layer wrap(Layer layer);

    /** DL4J's own frozen layer: always in inference mode, no gradient. */
    FrozenLayerWrapper DL4J = org.deeplearning4j.nn.conf.layers.misc.FrozenLayer::new;
}
