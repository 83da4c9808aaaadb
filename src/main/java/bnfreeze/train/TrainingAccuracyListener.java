package bnfreeze.train;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training accuracy as Keras reports it: from the predictions of the very forward pass that
 * precedes each update, in training mode. DL4J's forward pass stops before the output layer (it
 * computes the output inside the loss), so the listener applies the output layer to the
 * activation that feeds it; the output layer is a plain dense softmax whose output does not
 * depend on the learning phase.
 */
final class TrainingAccuracyListener extends BaseTrainingListener {

    private final String outputName;
    private final String outputInputName;
    private INDArray labels;
    private Evaluation evaluation;

    TrainingAccuracyListener(ComputationGraph net) {
        List<String> outputs = net.getConfiguration().getNetworkOutputs();
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("networks with one output are supported, this one has " + outputs);
        }
        this.outputName = outputs.get(0);
        this.outputInputName = net.getConfiguration().getVertexInputs().get(outputName).get(0);
    }

    void startEpoch(int numClasses) {
        evaluation = new Evaluation(numClasses);
    }

    void nextBatch(INDArray batchLabels) {
        this.labels = batchLabels;
    }

    double accuracy() {
        return evaluation.getNumRowCounter() == 0 ? Double.NaN : evaluation.accuracy();
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        ComputationGraph net = (ComputationGraph) model;
        LayerVertex vertex = (LayerVertex) net.getVertex(outputName);
        INDArray input = activations.get(outputInputName).dup();
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        InputPreProcessor preProcessor = vertex.getLayerPreProcessor();
        if (preProcessor != null) {
            input = preProcessor.preProcess(input, (int) input.size(0), noWorkspaces);
        }
        INDArray predictions = vertex.getLayer().activate(input, false, noWorkspaces).dup();
        if (Double.isFinite(predictions.sumNumber().doubleValue())) {
            evaluation.eval(labels, predictions);
        } // else the loss is not finite either, and the trainer stops the run with a clear message

    }
}
