package bnfreeze.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.FrozenVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Freezes a network up to a boundary, like Keras's {@code for layer in model.layers[:n]:
 * layer.trainable = False}: the boundary vertex and everything it depends on are frozen, the rest
 * is trainable. Applying it again with another boundary moves the boundary (earlier frozen
 * vertices above the new boundary become trainable again).
 */
public final class Freezing {

    private Freezing() {}

    /** The boundary vertex and all its ancestors, in no particular order. */
    public static Set<String> frozenVertices(ComputationGraphConfiguration conf, String boundary) {
        if (!conf.getVertices().containsKey(boundary)) {
            throw new IllegalArgumentException("freezing boundary \"" + boundary + "\" names no layer of the network");
        }
        Map<String, List<String>> inputs = conf.getVertexInputs();
        Set<String> frozen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(boundary));
        while (!todo.isEmpty()) {
            String vertex = todo.pop();
            if (conf.getNetworkInputs().contains(vertex) || !frozen.add(vertex)) {
                continue;
            }
            todo.addAll(inputs.getOrDefault(vertex, List.of()));
        }
        return frozen;
    }

    /**
     * A new network with the same parameters in which exactly the vertices up to {@code boundary}
     * (or none, when it is null) are frozen, frozen layers wrapped by {@code wrapper}. Updater
     * state is not carried over, as Keras starts a new optimizer when a model is recompiled.
     */
    public static ComputationGraph freezeThrough(ComputationGraph net, String boundary, FrozenLayerWrapper wrapper) {
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        Set<String> frozen = boundary == null ? Set.of() : frozenVertices(conf, boundary);
        Map<String, GraphVertex> rebuilt = new LinkedHashMap<>();
        for (Map.Entry<String, GraphVertex> entry : conf.getVertices().entrySet()) {
            GraphVertex vertex = unfrozen(entry.getValue());
            rebuilt.put(entry.getKey(), frozen.contains(entry.getKey()) ? frozenForm(entry.getKey(), vertex, wrapper) : vertex);
        }
        conf.getVertices().clear();
        conf.getVertices().putAll(rebuilt);
        ComputationGraph result = new ComputationGraph(conf);
        result.init(net.params().dup(), false);
        return result;
    }

    /** Whether the layer or vertex named {@code name} is frozen in {@code net}. */
    public static boolean isFrozen(ComputationGraph net, String name) {
        GraphVertex vertex = net.getConfiguration().getVertices().get(name);
        return vertex instanceof FrozenVertex
                || vertex instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof FrozenLayer;
    }

    /** Names of the network's BatchNormalization layers, frozen or not, in configuration order. */
    public static List<String> batchNormLayers(ComputationGraph net) {
        return net.getConfiguration().getVertices().entrySet().stream()
                .filter(e -> e.getValue() instanceof LayerVertex lv
                        && innermost(lv.getLayerConf().getLayer()) instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The layer configuration inside any frozen wrapper. */
    public static Layer innermost(Layer layer) {
        Layer current = layer;
        while (current instanceof FrozenLayer frozen) {
            current = frozen.getLayer();
        }
        return current;
    }

    private static GraphVertex unfrozen(GraphVertex vertex) {
        if (vertex instanceof FrozenVertex frozen) {
            return unfrozen(frozen.getUnderlying());
        }
        if (vertex instanceof LayerVertex lv) {
            LayerVertex copy = (LayerVertex) lv.clone();
            copy.getLayerConf().setLayer(innermost(copy.getLayerConf().getLayer()));
            return copy;
        }
        return vertex;
    }

    private static GraphVertex frozenForm(String name, GraphVertex vertex, FrozenLayerWrapper wrapper) {
        if (vertex instanceof LayerVertex lv) {
            Layer frozen = wrapper.wrap(lv.getLayerConf().getLayer());
            // the graph finds a layer's inputs by the layer's own name, also after a reload
            frozen.setLayerName(name);
            lv.getLayerConf().setLayer(frozen);
            return lv;
        }
        return new FrozenVertex(vertex);
    }
}
