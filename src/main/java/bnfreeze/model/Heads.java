package bnfreeze.model;

import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.learning.config.IUpdater;

/** Replacing a network's classification head, and choosing its optimizer, with DL4J's transfer learning API. */
public final class Heads {

    private Heads() {}

    /**
     * {@code net} with its output layer {@code head} re-created for {@code numClasses} classes,
     * Glorot-uniform initialised from {@code seed} (Keras's default for Dense).
     */
    public static ComputationGraph replaceHead(ComputationGraph net, String head, int numClasses, long seed) {
        return new TransferLearning.GraphBuilder(net)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().seed(seed).build())
                .nOutReplace(head, numClasses, WeightInit.XAVIER_UNIFORM)
                .build();
    }

    /** {@code net}, all frozen layers thawed, with {@code updater} for every layer and fresh updater state. */
    public static ComputationGraph withUpdater(ComputationGraph net, IUpdater updater) {
        ComputationGraph thawed = Freezing.freezeThrough(net, null, FrozenLayerWrapper.DL4J);
        return new TransferLearning.GraphBuilder(thawed)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder()
                        .updater(updater)
                        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                        .build())
                .build();
    }
}
