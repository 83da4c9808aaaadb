package bnfreeze.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A ResNet in miniature for small grey or colour images: a stem convolution, then residual
 * stages of basic blocks (conv-BN-ReLU-conv-BN plus shortcut), every convolution followed by
 * BatchNormalization; each stage after the first halves the resolution. It ends, as Keras 2.1's
 * ResNet50 did, with an average pooling over the last feature map, followed by a Flatten + Dense
 * softmax head.
 *
 * <p>Vertex names: {@code stem_conv, stem_bn, stem_relu}; per stage s and block b
 * {@code s<s>b<b>_conv1, _bn1, _relu1, _conv2, _bn2, [_proj_conv, _proj_bn,] _add, _out};
 * {@code avg_pool}; {@code head}. {@link #stageOutput(int)} names a stage's last vertex.
 */
public record SmallResNet(int channels, int height, int width, List<Integer> stageWidths, int blocksPerStage,
                          int numClasses, double bnDecay, double bnEpsilon) {

    public static final String INPUT = "input";
    public static final String POOL = Heads.POOL;
    public static final String HEAD = Heads.HEAD;

    public SmallResNet {
        stageWidths = List.copyOf(stageWidths);
        if (stageWidths.isEmpty() || blocksPerStage < 1) {
            throw new IllegalArgumentException("a ResNet needs at least one stage of at least one block");
        }
    }

    /** The name of the last vertex of stage {@code stage} (1-based). */
    public static String stageOutput(int stage, int blocksPerStage) {
        return "s" + stage + "b" + blocksPerStage + "_out";
    }

    public String stageOutput(int stage) {
        return stageOutput(stage, blocksPerStage);
    }

    public InputType inputType() {
        return InputType.convolutional(height, width, channels);
    }

    /** Total number of BatchNormalization layers. */
    public int batchNormCount() {
        // stem, two per block, and one projection shortcut per stage that changes width or resolution
        return 1 + stageWidths.size() * blocksPerStage * 2 + (stageWidths.size() - 1);
    }

    /** A new, randomly initialised network. */
    public ComputationGraph build(long seed, IUpdater updater) {
        ComputationGraph net = new ComputationGraph(configuration(seed, updater));
        net.init();
        return net;
    }

    /** The network's configuration, without parameters. */
    public ComputationGraphConfiguration configuration(long seed, IUpdater updater) {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(inputType());

        String previous = convBnRelu(graph, "stem", "", INPUT, stageWidths.get(0), 1);
        int inChannels = stageWidths.get(0);
        for (int s = 0; s < stageWidths.size(); s++) {
            for (int b = 0; b < blocksPerStage; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                previous = basicBlock(graph, "s" + (s + 1) + "b" + (b + 1), previous, inChannels,
                        stageWidths.get(s), stride);
                inChannels = stageWidths.get(s);
            }
        }
        int finalSize = height >> (stageWidths.size() - 1);
        graph.addLayer(POOL, new SubsamplingLayer.Builder(PoolingType.AVG)
                        .kernelSize(finalSize, width >> (stageWidths.size() - 1))
                        .stride(finalSize, width >> (stageWidths.size() - 1))
                        .convolutionMode(ConvolutionMode.Truncate).build(), previous)
                .addLayer(HEAD, Heads.denseSoftmax(numClasses), POOL)
                .setOutputs(HEAD);
        ComputationGraphConfiguration conf = graph.build();
        LayerImplementations.replaceIn(conf);
        return conf;
    }

    private String basicBlock(ComputationGraphConfiguration.GraphBuilder graph, String name, String input, int inChannels,
                              int outChannels, int stride) {
        String first = convBnRelu(graph, name, "1", input, outChannels, stride);
        graph.addLayer(name + "_conv2", conv(outChannels, 3, 1), first)
                .addLayer(name + "_bn2", batchNorm(), name + "_conv2");
        String shortcut = input;
        if (stride != 1 || inChannels != outChannels) {
            graph.addLayer(name + "_proj_conv", conv(outChannels, 1, stride), input)
                    .addLayer(name + "_proj_bn", batchNorm(), name + "_proj_conv");
            shortcut = name + "_proj_bn";
        }
        graph.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), name + "_bn2", shortcut)
                .addLayer(name + "_out", new ActivationLayer(Activation.RELU), name + "_add");
        return name + "_out";
    }

    /** {@code <name>_conv<suffix>, _bn<suffix>, _relu<suffix>}; returns the last name. */
    private String convBnRelu(ComputationGraphConfiguration.GraphBuilder graph, String name, String suffix,
                              String input, int outChannels, int stride) {
        graph.addLayer(name + "_conv" + suffix, conv(outChannels, 3, stride), input)
                .addLayer(name + "_bn" + suffix, batchNorm(), name + "_conv" + suffix)
                .addLayer(name + "_relu" + suffix, new ActivationLayer(Activation.RELU), name + "_bn" + suffix);
        return name + "_relu" + suffix;
    }

    private static ConvolutionLayer conv(int outChannels, int kernel, int stride) {
        return new ConvolutionLayer.Builder(kernel, kernel)
                .stride(stride, stride)
                .nOut(outChannels)
                .hasBias(false)
                .activation(Activation.IDENTITY)
                .build();
    }

    private BatchNormalization batchNorm() {
        // Keras defaults (momentum 0.99, epsilon 1e-3); the variance is stored as such, not as
        // log10(std), so that it reads like Keras's moving_variance.
        return new BatchNormalization.Builder()
                .decay(bnDecay)
                .eps(bnEpsilon)
                .useLogStd(false)
                .build();
    }
}
