package bnfreeze.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Momentum and epsilon of every BatchNormalization layer, e.g. Keras's defaults (0.99 and 1e-3)
 * for a network from DL4J's zoo, whose layers use DL4J's (0.9 and 1e-5).
 */
public final class BatchNormSettings {

    private BatchNormSettings() {}

    /** {@code net} with the same parameters and every BatchNormalization layer set to {@code decay} and {@code epsilon}. */
    public static ComputationGraph apply(ComputationGraph net, double decay, double epsilon) {
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex lv && Freezing.innermost(lv.getLayerConf().getLayer()) instanceof BatchNormalization bn) {
                bn.setDecay(decay);
                bn.setEps(epsilon);
            }
        }
        ComputationGraph result = new ComputationGraph(conf);
        result.init(net.params().dup(), false);
        return result;
    }
}
