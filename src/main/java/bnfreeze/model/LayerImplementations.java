package bnfreeze.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Puts bnfreeze's faster implementations of DL4J's layers into a network:
 * {@link SingleForwardConvolutionLayer} for {@link ConvolutionLayer} and
 * {@link FusedBatchNormalization} for {@link BatchNormalization}. Same parameters, same
 * configuration fields, same results (bitwise for convolutions, to float rounding for batch
 * normalization); only the computation differs. Frozen layers are left as they are: a frozen
 * layer is never backpropagated, and a frozen BatchNormalization keeps the implementation it was
 * frozen with.
 */
public final class LayerImplementations {

    private LayerImplementations() {}

    /** {@code conf} with every plain convolution and BatchNormalization replaced, in place; whether any was. */
    public static boolean replaceIn(ComputationGraphConfiguration conf) {
        boolean replaced = false;
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex lv) {
                Layer layer = lv.getLayerConf().getLayer();
                if (layer.getClass() == ConvolutionLayer.class) {
                    lv.getLayerConf().setLayer(SingleForwardConvolutionLayer.of((ConvolutionLayer) layer));
                    replaced = true;
                } else if (layer.getClass() == BatchNormalization.class) {
                    lv.getLayerConf().setLayer(FusedBatchNormalization.of((BatchNormalization) layer));
                    replaced = true;
                }
            }
        }
        return replaced;
    }

    /** {@code net} itself if there is nothing to replace, else a new network with the same parameters. */
    public static ComputationGraph applyTo(ComputationGraph net) {
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        if (!replaceIn(conf)) {
            return net;
        }
        ComputationGraph result = new ComputationGraph(conf);
        result.init(net.params().dup(), false);
        return result;
    }

    /**
     * {@code net} with DL4J's own convolution and BatchNormalization layers in place of bnfreeze's,
     * same parameters: what {@code make bench} compares bnfreeze's implementations with.
     */
    public static ComputationGraph dl4jOnly(ComputationGraph net) {
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex lv) {
                Layer layer = lv.getLayerConf().getLayer();
                if (layer instanceof SingleForwardConvolutionLayer) {
                    lv.getLayerConf().setLayer(copyAs(layer, ConvolutionLayer.class));
                } else if (layer instanceof FusedBatchNormalization) {
                    lv.getLayerConf().setLayer(copyAs(layer, BatchNormalization.class));
                }
            }
        }
        ComputationGraph result = new ComputationGraph(conf);
        result.init(net.params().dup(), false);
        return result;
    }

    /**
     * {@code layer}, an implementation instantiated by one of bnfreeze's configuration classes, wired
     * as DL4J's own {@code instantiate} methods wire theirs: listeners, index, parameter views.
     */
    static <L extends org.deeplearning4j.nn.api.Layer> L wired(L layer, Layer configuration, NeuralNetConfiguration conf,
                                                              java.util.Collection<org.deeplearning4j.optimize.api.TrainingListener> listeners,
                                                              int index, org.nd4j.linalg.api.ndarray.INDArray paramsView,
                                                              boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(configuration.initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** A copy of {@code layer}'s configuration as {@code type}, a class of the same fields (a subclass adding none, or the superclass). */
    static <T extends Layer> T copyAs(Layer layer, Class<T> type) {
        // DL4J's own configuration mapper copies every field, including any a later version adds
        ObjectMapper mapper = NeuralNetConfiguration.mapper();
        ObjectNode tree = mapper.valueToTree(layer);
        tree.put("@class", type.getName());
        try {
            return type.cast(mapper.treeToValue(tree, Layer.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot copy the configuration of layer " + layer.getLayerName(), e);
        }
    }
}
