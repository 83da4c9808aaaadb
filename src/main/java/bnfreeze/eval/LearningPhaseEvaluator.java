package bnfreeze.eval;

import bnfreeze.data.BatchSource;
import bnfreeze.train.LossAndAccuracy;
import bnfreeze.train.Validation;
import java.util.Iterator;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Evaluates a network on labelled data in one {@link LearningPhase}. Accuracy and AUC come from
 * DL4J's {@link Evaluation} and {@link ROC}; the loss is the network's own loss function applied
 * to the predicted probabilities, clipped as DL4J clips softmax outputs in training, so that
 * training and validation losses are comparable.
 */
public final class LearningPhaseEvaluator {

    /** DL4J's default clipping of softmax probabilities inside the cross-entropy loss. */
    private static final double PROBABILITY_CLIP = 1e-10;

    private final int batchSize;
    private final long shuffleSeed;

    /**
     * @param batchSize   mini-batch size; {@code static1} results depend on it through the batch statistics
     * @param shuffleSeed order of the {@code static1} mini-batches
     */
    public LearningPhaseEvaluator(int batchSize, long shuffleSeed) {
        this.batchSize = batchSize;
        this.shuffleSeed = shuffleSeed;
    }

    public PhaseMetrics evaluate(ComputationGraph net, BatchSource data, LearningPhase phase) {
        ILossFunction loss = outputLoss(net);
        Evaluation evaluation = new Evaluation(data.numClasses());
        ROC roc = new ROC(0);
        double lossSum = 0;
        Iterator<DataSet> batches = phase == LearningPhase.STATIC1
                ? data.shuffled(batchSize, shuffleSeed, 0)
                : data.inOrder(batchSize);
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            INDArray probabilities = switch (phase) {
                case DYNAMIC -> net.outputSingle(batch.getFeatures());
                case STATIC0 -> net.outputSingle(false, batch.getFeatures());
                case STATIC1 -> net.outputSingle(true, batch.getFeatures());
            };
            evaluation.eval(batch.getLabels(), probabilities);
            if (data.numClasses() == 2) {
                roc.eval(batch.getLabels(), probabilities);
            }
            INDArray clipped = Transforms.min(Transforms.max(probabilities, PROBABILITY_CLIP), 1 - PROBABILITY_CLIP);
            lossSum += loss.computeScore(batch.getLabels(), clipped, new ActivationIdentity(), null, false);
        }
        Double auc = data.numClasses() == 2 ? roc.calculateAUC() : null;
        return new PhaseMetrics(lossSum / data.size(), evaluation.accuracy(), auc);
    }

    /** Keras-style validation after each epoch: normal inference over the validation data. */
    public Validation validation(BatchSource data) {
        return net -> {
            PhaseMetrics m = evaluate(net, data, LearningPhase.DYNAMIC);
            return new LossAndAccuracy(m.loss(), m.acc());
        };
    }

    private static ILossFunction outputLoss(ComputationGraph net) {
        String output = net.getConfiguration().getNetworkOutputs().get(0);
        LayerVertex vertex = (LayerVertex) net.getConfiguration().getVertices().get(output);
        return ((BaseOutputLayer) vertex.getLayerConf().getLayer()).getLossFn();
    }
}
