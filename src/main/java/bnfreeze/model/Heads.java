package bnfreeze.model;

import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Replacing a network's classification head, and choosing its optimizer, with DL4J's transfer learning API. */
public final class Heads {

    /** The name of the classification head bnfreeze puts on every network. */
    public static final String HEAD = "head";
    /** The name of the pooling layer bnfreeze puts before the head, where the base has none. */
    public static final String POOL = "avg_pool";

    private Heads() {}

    /** The Flatten + Dense(n, softmax) head, Glorot-uniform (Keras's default for Dense), zero bias. */
    public static OutputLayer denseSoftmax(int numClasses) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(numClasses)
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0)
                .build();
    }

    /**
     * {@code net} (whose input is {@code inputType}) cut after {@code baseOutput}, with {@code pooling} (if not null, named
     * {@value #POOL}) and a new {@value #HEAD} for {@code numClasses} classes, initialised from
     * {@code seed}. The base's parameters are kept.
     */
    public static ComputationGraph replaceHead(ComputationGraph net, InputType inputType, String baseOutput, Layer pooling,
                                               int numClasses, long seed) {
        Set<String> base = Freezing.frozenVertices(net.getConfiguration(), baseOutput);
        TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(net)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().seed(seed).build());
        List<String> after = net.getConfiguration().getVertices().keySet().stream()
                .filter(name -> !base.contains(name)).toList();
        after.forEach(builder::removeVertexAndConnections);
        String headInput = baseOutput;
        if (pooling != null) {
            builder.addLayer(POOL, pooling, baseOutput);
            headInput = POOL;
        }
        // DL4J's built configuration forgets its input type; it is needed to size the new layers
        return builder.addLayer(HEAD, denseSoftmax(numClasses), headInput).setOutputs(HEAD).setInputTypes(inputType).build();
    }

    /**
     * {@code net}, all frozen layers thawed, with {@code updater} for every layer, no weight
     * regularization (the study used none) and fresh updater state.
     */
    public static ComputationGraph withUpdater(ComputationGraph net, IUpdater updater) {
        ComputationGraph thawed = Freezing.freezeThrough(net, null, FrozenLayerWrapper.DL4J);
        return new TransferLearning.GraphBuilder(thawed)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder()
                        .updater(updater)
                        .l1(0).l2(0).l1Bias(0).l2Bias(0)
                        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                        .build())
                .build();
    }
}
