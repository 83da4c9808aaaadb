package bnfreeze.bn;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * input [n, 2 channels, 2, 2] -> bn1 -> bn2 -> out (Dense 2, softmax). Small enough to compute by
 * hand; bn1's statistics are set to values far from any batch's, so that the policies differ.
 */
final class TinyNetworks {

    static final double DECAY = 0.9;
    static final double EPS = 1e-3;

    private TinyNetworks() {}

    static ComputationGraph twoBatchNorms(boolean useLogStd) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.FLOAT)
                .updater(new Sgd(0.1))
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(2, 2, 2))
                .addLayer("bn1", bn(useLogStd), "input")
                .addLayer("bn2", bn(useLogStd), "bn1")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER_UNIFORM).build(), "bn2")
                .setOutputs("out")
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        setStatistics(net, "bn1", new float[] {1.5f, 0.5f}, new float[] {-0.25f, 0.75f},
                new float[] {2f, -1f}, new float[] {4f, 0.25f});
        return net;
    }

    private static BatchNormalization bn(boolean useLogStd) {
        return new BatchNormalization.Builder().decay(DECAY).eps(EPS).useLogStd(useLogStd).build();
    }

    static void setStatistics(ComputationGraph net, String layer, float[] gamma, float[] beta, float[] mean, float[] var) {
        net.getLayer(layer).getParam("gamma").assign(Nd4j.createFromArray(gamma).reshape(1, 2));
        net.getLayer(layer).getParam("beta").assign(Nd4j.createFromArray(beta).reshape(1, 2));
        net.getLayer(layer).getParam("mean").assign(Nd4j.createFromArray(mean).reshape(1, 2));
        if (net.getLayer(layer).paramTable().containsKey("var")) {
            net.getLayer(layer).getParam("var").assign(Nd4j.createFromArray(var).reshape(1, 2));
        } else {
            INDArray log10Std = Nd4j.createFromArray(var).reshape(1, 2);
            for (int c = 0; c < 2; c++) {
                log10Std.putScalar(0, c, Math.log10(Math.sqrt(var[c])));
            }
            net.getLayer(layer).getParam("log10stdev").assign(log10Std);
        }
    }

    /** A batch of 4 examples whose per-channel statistics are far from bn1's moving ones. */
    static INDArray features() {
        float[] values = new float[4 * 2 * 2 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (Math.sin(i * 1.7) * 3 + (i % 8 < 4 ? 5 : -2));
        }
        return Nd4j.create(values, new long[] {4, 2, 2, 2}, 'c');
    }

    static INDArray labels() {
        return Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}, {1, 0}, {0, 1}});
    }
}
