package bnfreeze.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

class SingleForwardConvolutionLayerTest {

    /** Identity convolutions with and without bias, in Same and Truncate mode, and one with a ReLU (DL4J's own path). */
    private static ComputationGraph plainNetwork() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(5).dataType(DataType.FLOAT).updater(new Sgd(0.1))
                .graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(12, 12, 2))
                .addLayer("same", new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(4).hasBias(false)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "same")
                .addLayer("truncate", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(5)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.IDENTITY).build(), "bn")
                .addLayer("relu", new ConvolutionLayer.Builder(1, 1).nOut(3).activation(Activation.RELU).build(), "truncate")
                .addLayer("pool", new GlobalPoolingLayer.Builder().build(), "relu")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /** Only the convolutions replaced, so that everything else is DL4J's and results can be compared bitwise. */
    private static ComputationGraph withSingleForwardConvolutions(ComputationGraph net) {
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        for (var vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof ConvolutionLayer conv) {
                lv.getLayerConf().setLayer(SingleForwardConvolutionLayer.of(conv));
            }
        }
        ComputationGraph result = new ComputationGraph(conf);
        result.init(net.params().dup(), false);
        return result;
    }

    private static DataSet batch(int seed) {
        Nd4j.getRandom().setSeed(seed);
        return new DataSet(Nd4j.randn(DataType.FLOAT, 6, 2, 12, 12), Nd4j.eye(2).getRows(0, 1, 0, 1, 1, 0).castTo(DataType.FLOAT));
    }

    private static float[] gradient(ComputationGraph net, DataSet batch) {
        net.setInputs(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradient().toFloatVector();
    }

    @Test
    void replacesEveryPlainConvolutionAndCopiesItsConfiguration() {
        ComputationGraph plain = plainNetwork();
        ComputationGraph fast = withSingleForwardConvolutions(plain);

        for (String name : List.of("same", "truncate", "relu")) {
            ConvolutionLayer before = (ConvolutionLayer) ((LayerVertex) plain.getConfiguration().getVertices().get(name)).getLayerConf().getLayer();
            ConvolutionLayer after = (ConvolutionLayer) ((LayerVertex) fast.getConfiguration().getVertices().get(name)).getLayerConf().getLayer();
            assertThat(after).isInstanceOf(SingleForwardConvolutionLayer.class);
            assertThat(after.toString()).isEqualTo(before.toString());
        }
        assertThat(fast.params()).isEqualTo(plain.params());
    }

    @Test
    void gradientsAndTrainingAreBitwiseThoseOfDl4jsLayer() {
        ComputationGraph plain = plainNetwork();
        ComputationGraph fast = withSingleForwardConvolutions(plainNetwork());

        assertThat(gradient(fast, batch(1))).containsExactly(gradient(plain, batch(1)));
        for (int step = 2; step < 5; step++) {
            plain.fit(batch(step));
            fast.fit(batch(step));
        }
        assertThat(fast.params().toFloatVector()).containsExactly(plain.params().toFloatVector());
        assertThat(fast.score()).isEqualTo(plain.score());
    }

    @Test
    void backpropagationRunsEachIdentityConvolutionForwardOnce() {
        long plainForwards = forwardConvolutionsInOneGradient(plainNetwork());
        long fastForwards = forwardConvolutionsInOneGradient(withSingleForwardConvolutions(plainNetwork()));

        // three convolutions: DL4J runs each twice; here only the ReLU one, whose output its derivative needs
        assertThat(plainForwards).isEqualTo(6);
        assertThat(fastForwards).isEqualTo(4);
    }

    private static long forwardConvolutionsInOneGradient(ComputationGraph net) {
        DataSet batch = batch(1);
        gradient(net, batch);
        OpProfiler.getInstance().reset();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        try {
            gradient(net, batch);
            return OpProfiler.getInstance().getOpCounter().getCount("conv2d");
        } finally {
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
            OpProfiler.getInstance().reset();
        }
    }

    @Test
    void survivesSavingAndReloading(@TempDir Path dir) throws Exception {
        ComputationGraph fast = withSingleForwardConvolutions(plainNetwork());
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(fast, file, true);

        ComputationGraph reloaded = ModelSerializer.restoreComputationGraph(file, true);

        assertThat(reloaded.getLayer("same")).isInstanceOf(SingleForwardConvolutionLayer.Impl.class);
        assertThat(reloaded.getLayer("relu")).isInstanceOf(SingleForwardConvolutionLayer.Impl.class);
        assertThat(gradient(reloaded, batch(7))).containsExactly(gradient(fast, batch(7)));
    }

    @Test
    void layerImplementationsPutItIntoNetworksOnce() {
        ComputationGraph net = LayerImplementations.applyTo(plainNetwork());

        assertThat(net.getLayer("same")).isInstanceOf(SingleForwardConvolutionLayer.Impl.class);
        assertThat(LayerImplementations.applyTo(net)).isSameAs(net);
    }

    @Test
    void dl4jOnlyGivesBackDl4jsLayers() {
        ComputationGraph plain = plainNetwork();
        ComputationGraph back = LayerImplementations.dl4jOnly(LayerImplementations.applyTo(plainNetwork()));

        assertThat(back.getLayer("same").getClass()).isEqualTo(org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class);
        assertThat(back.getLayer("bn").getClass()).isEqualTo(org.deeplearning4j.nn.layers.normalization.BatchNormalization.class);
        assertThat(gradient(back, batch(3))).containsExactly(gradient(plain, batch(3)));
    }

    @Test
    void networksOfTheHarnessUseIt() {
        ComputationGraph small = new SmallResNet(1, 28, 28, List.of(4, 8), 1, 2, 0.99, 1e-3).build(1, new Sgd(0.1));
        assertThat(small.getLayer("stem_conv")).isInstanceOf(SingleForwardConvolutionLayer.Impl.class);
        assertThat(small.getLayer("s1b1_conv2")).isInstanceOf(SingleForwardConvolutionLayer.Impl.class);
    }
}
