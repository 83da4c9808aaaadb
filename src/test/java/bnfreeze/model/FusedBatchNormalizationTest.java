package bnfreeze.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The layer against DL4J's own BatchNormalization (with its oneDNN helper), in whole networks. */
class FusedBatchNormalizationTest {

    /** A convolutional BN (NCHW, or NHWC which the kernels leave to DL4J) and a dense one, with Keras's settings. */
    private static ComputationGraph plainNetwork(CNN2DFormat format) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(11).dataType(DataType.FLOAT).updater(new Sgd(0.05))
                .graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(10, 10, 3, format))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(6).dataFormat(format)
                        .activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn", new BatchNormalization.Builder().decay(0.99).eps(1e-3).useLogStd(false)
                        .dataFormat(format).build(), "conv")
                .addLayer("relu", new ActivationLayer(Activation.RELU), "bn")
                .addLayer("pool", new GlobalPoolingLayer.Builder().build(), "relu")
                .addLayer("dense", new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build(), "pool")
                .addLayer("dense_bn", new BatchNormalization.Builder().build(), "dense")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "dense_bn")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    private static DataSet batch(int seed, CNN2DFormat format) {
        Nd4j.getRandom().setSeed(seed);
        long[] shape = format == CNN2DFormat.NCHW ? new long[] {8, 3, 10, 10} : new long[] {8, 10, 10, 3};
        // far from zero mean, as real activations often are
        INDArray x = Nd4j.randn(DataType.FLOAT, shape).muli(3).addi(20);
        return new DataSet(x, Nd4j.eye(3).getRows(0, 1, 2, 0, 1, 2, 0, 1).castTo(DataType.FLOAT));
    }

    private static float[] gradient(ComputationGraph net, DataSet batch) {
        net.setInputs(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradient().ravel().toFloatVector();
    }

    private static void assertClose(float[] actual, float[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(relative * scale));
        }
    }

    @Test
    void theKernelHelperReplacesOneDnnsOnTheCpu() {
        ComputationGraph plain = plainNetwork(CNN2DFormat.NCHW);
        ComputationGraph fused = LayerImplementations.applyTo(plain);

        assertThat(((org.deeplearning4j.nn.layers.normalization.BatchNormalization) plain.getLayer("bn")).getHelper())
                .isInstanceOf(MKLDNNBatchNormHelper.class);
        assertThat(fused.getLayer("bn")).isInstanceOf(FusedBatchNormalization.Impl.class);
        assertThat(((FusedBatchNormalization.Impl) fused.getLayer("bn")).getHelper())
                .isInstanceOf(FusedBatchNormalization.KernelHelper.class);
        assertThat(fused.getLayer("bn").conf().getLayer().toString())
                .isEqualTo(plain.getLayer("bn").conf().getLayer().toString());
    }

    @Test
    void trainingAndInferenceMatchDl4jToFloatRounding() {
        for (CNN2DFormat format : CNN2DFormat.values()) {
            ComputationGraph plain = plainNetwork(format);
            ComputationGraph fused = LayerImplementations.applyTo(plainNetwork(format));
            DataSet first = batch(1, format);

            assertClose(fused.outputSingle(false, first.getFeatures()).ravel().toFloatVector(),
                    plain.outputSingle(false, first.getFeatures()).ravel().toFloatVector(), 1e-5);
            assertClose(fused.outputSingle(true, first.getFeatures()).ravel().toFloatVector(),
                    plain.outputSingle(true, first.getFeatures()).ravel().toFloatVector(), 1e-5);
            assertClose(gradient(fused, first), gradient(plain, first), 1e-4);
            for (int step = 2; step < 6; step++) {
                plain.fit(batch(step, format));
                fused.fit(batch(step, format));
            }
            // parameters include the moving mean and variance, which DL4J updates from the helper's statistics
            assertClose(fused.params().ravel().toFloatVector(), plain.params().ravel().toFloatVector(), 1e-4);
            assertClose(fused.getLayer("bn").getParam("mean").ravel().toFloatVector(), plain.getLayer("bn").getParam("mean").ravel().toFloatVector(), 1e-5);
            assertClose(fused.getLayer("bn").getParam("var").ravel().toFloatVector(), plain.getLayer("bn").getParam("var").ravel().toFloatVector(), 1e-4);
        }
    }

    @Test
    void inferenceIsExactlyDl4jsOneDnnNormalization() {
        ComputationGraph plain = plainNetwork(CNN2DFormat.NCHW);
        ComputationGraph fused = LayerImplementations.applyTo(plain);
        INDArray x = batch(4, CNN2DFormat.NCHW).getFeatures();

        assertThat(fused.outputSingle(false, x).ravel().toFloatVector()).containsExactly(plain.outputSingle(false, x).ravel().toFloatVector());
    }

    @Test
    void theStatisticsMoveTowardsTheBatchs() {
        ComputationGraph fused = LayerImplementations.applyTo(plainNetwork(CNN2DFormat.NCHW));
        INDArray before = fused.getLayer("bn").getParam("mean").dup();

        fused.fit(batch(3, CNN2DFormat.NCHW));

        assertThat(fused.getLayer("bn").getParam("mean")).isNotEqualTo(before);
    }

    @Test
    void survivesSavingAndReloading(@TempDir Path dir) throws Exception {
        ComputationGraph fused = LayerImplementations.applyTo(plainNetwork(CNN2DFormat.NCHW));
        fused.fit(batch(1, CNN2DFormat.NCHW));
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(fused, file, true);

        ComputationGraph reloaded = ModelSerializer.restoreComputationGraph(file, true);

        assertThat(reloaded.getLayer("bn")).isInstanceOf(FusedBatchNormalization.Impl.class);
        assertThat(reloaded.params()).isEqualTo(fused.params());
        DataSet next = batch(2, CNN2DFormat.NCHW);
        assertThat(gradient(reloaded, next)).containsExactly(gradient(fused, next));
    }

    @Test
    void withHelpersDisallowedDl4jsOwnCodeRuns() {
        boolean allowed = Nd4j.getEnvironment().helpersAllowed();
        Nd4j.getEnvironment().allowHelpers(false);
        try {
            ComputationGraph fused = LayerImplementations.applyTo(plainNetwork(CNN2DFormat.NCHW));
            assertThat(((FusedBatchNormalization.Impl) fused.getLayer("bn")).getHelper()).isNull();
        } finally {
            Nd4j.getEnvironment().allowHelpers(allowed);
        }
    }
}
