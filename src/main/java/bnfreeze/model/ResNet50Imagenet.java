package bnfreeze.model;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.CheckedInputStream;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.model.ResNet50;

/**
 * The study's base network: ResNet50 from DL4J's model zoo, with ImageNet weights from the zoo's
 * checksum-verified download (cached in DL4J's resource directory) or from a local file.
 *
 * <p>Names in DL4J's graph follow Keras's per block: {@code res4f_branch2c} is the convolution,
 * {@code bn4f_branch2c} its BatchNormalization, {@code res4f_branch} the block's output. Keras's
 * {@code model.layers[:140]}, the study's frozen part, ends with {@code bn4f_branch2c}.
 */
public final class ResNet50Imagenet {

    /** Keras's 140th layer: the study froze it and everything before it. */
    public static final String KERAS_LAYER_140 = "bn4f_branch2c";
    /** The last residual block's output: where the base ends and the study's head begins. */
    public static final String BASE_OUTPUT = "res5c_branch";
    public static final int INPUT_SIZE = 224;
    public static final InputType INPUT_TYPE = InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3);

    private static final ResNet50 ZOO = ResNet50.builder().numClasses(1000).build();
    private static final long ZOO_CHECKSUM = ZOO.pretrainedChecksum(PretrainedType.IMAGENET);

    private ResNet50Imagenet() {}

    /** Where DL4J's zoo caches the ImageNet weights, and where {@code --weights} may be avoided by putting them. */
    public static Path zooCacheFile() {
        String url = ZOO.pretrainedUrl(PretrainedType.IMAGENET);
        File dir = DL4JResources.getDirectory(ResourceType.ZOO_MODEL, ZOO.modelName());
        return dir.toPath().resolve(new File(url).getName());
    }

    public static String weightsUrl() {
        return ZOO.pretrainedUrl(PretrainedType.IMAGENET);
    }

    /**
     * The network with ImageNet weights: from {@code file} if given, else from the zoo's cache,
     * else downloaded by the zoo. Offline and without the file, one line says what to fetch.
     */
    public static ComputationGraph imagenet(Optional<Path> file) {
        Path weights = file.orElseGet(ResNet50Imagenet::zooCacheFile);
        String howToGet = "download " + weightsUrl() + " and pass it with --weights FILE (or put it at "
                + zooCacheFile() + ")";
        if (file.isPresent() && !Files.exists(weights)) {
            throw new WeightsUnavailableException(weights + ": ResNet50 ImageNet weights not found; " + howToGet);
        }
        if (!Files.exists(weights)) {
            try {
                return prepared((ComputationGraph) ZOO.initPretrained(PretrainedType.IMAGENET));
            } catch (IOException e) {
                throw new WeightsUnavailableException("ResNet50 ImageNet weights are not in " + weights
                        + " and cannot be downloaded (offline? " + firstLine(e) + "); " + howToGet);
            } catch (IllegalStateException e) {
                throw new WeightsUnavailableException("the downloaded ResNet50 ImageNet weights failed the zoo's checksum; "
                        + howToGet);
            }
        }
        verify(weights, howToGet);
        try {
            return prepared(ModelSerializer.restoreComputationGraph(weights.toFile(), false));
        } catch (IOException | RuntimeException e) {
            throw new WeightsUnavailableException(weights + ": cannot be loaded as a DL4J network (" + firstLine(e) + ")");
        }
    }

    /** A randomly initialised ResNet50 of Keras's architecture (He initialisation), for tests and timing. */
    public static ComputationGraph randomWeights(long seed) {
        return prepared(ResNet50.builder().numClasses(1000).seed(seed)
                .weightInit(WeightInit.RELU.getWeightInitFunction()).build().init());
    }

    /** The zoo's network with Keras's strides and bnfreeze's layer implementations. */
    private static ComputationGraph prepared(ComputationGraph zoo) {
        return LayerImplementations.applyTo(withKerasStrides(zoo));
    }

    /** The first block of stage 2, whose stride DL4J's zoo configuration sets to 2 where Keras's is 1. */
    static final java.util.List<String> STAGE2_FIRST_CONVOLUTIONS = java.util.List.of("res2a_branch2a", "res2a_branch1");

    /**
     * {@code net} with stage 2 at stride 1, as in Keras 2.1's ResNet50 ({@code conv_block(...,
     * stage=2, block='a', strides=(1, 1))}). DL4J's zoo configuration strides it by 2 (see DL4J
     * issue 5463), so that a 224x224 input leaves stage 5 at 4x4 instead of Keras's 7x7 and the
     * ImageNet weights, converted from Keras, compute something else. Parameters do not depend on
     * the stride and are kept.
     */
    public static ComputationGraph withKerasStrides(ComputationGraph net) {
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        boolean changed = false;
        for (String name : STAGE2_FIRST_CONVOLUTIONS) {
            if (conf.getVertices().get(name) instanceof LayerVertex lv
                    && Freezing.innermost(lv.getLayerConf().getLayer()) instanceof ConvolutionLayer conv
                    && (conv.getStride()[0] != 1 || conv.getStride()[1] != 1)) {
                conv.setStride(new int[] {1, 1});
                changed = true;
            }
        }
        if (!changed) {
            return net;
        }
        ComputationGraph fixed = new ComputationGraph(conf);
        fixed.init(net.params().dup(), false);
        return fixed;
    }

    /** The spatial size of {@code vertex}'s output for a 224x224 input. */
    public static long outputSize(ComputationGraph net, String vertex) {
        java.util.Map<String, InputType> types = net.getConfiguration().getLayerActivationTypes(INPUT_TYPE);
        return ((InputType.InputTypeConvolutional) types.get(vertex)).getHeight();
    }

    /** The names of the vertices of the zoo's ResNet50 graph, without building its parameters. */
    public static java.util.Set<String> vertexNames() {
        return ZOO.graphBuilder().build().getVertices().keySet();
    }

    /** Identity of the weights for provenance. */
    public static String identity(Optional<Path> file) {
        Path weights = file.orElseGet(ResNet50Imagenet::zooCacheFile);
        return "resnet50-imagenet:" + weights.getFileName() + ":adler32=" + ZOO_CHECKSUM;
    }

    /**
     * The study's pooling before its Flatten + Dense head: Keras 2.1's {@code AveragePooling2D((7, 7))}
     * over stage 5's 7x7 maps, that is, an average over all positions.
     */
    public static GlobalPoolingLayer studyPooling() {
        return new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
    }

    static void verify(Path weights, String howToGet) {
        long checksum;
        try (InputStream in = new CheckedInputStream(Files.newInputStream(weights), new Adler32())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            checksum = ((CheckedInputStream) in).getChecksum().getValue();
        } catch (IOException e) {
            throw new WeightsUnavailableException(weights + ": cannot read (" + firstLine(e) + ")");
        }
        if (checksum != ZOO_CHECKSUM) {
            throw new WeightsUnavailableException(weights + ": damaged or not DL4J's ResNet50 ImageNet weights (Adler-32 "
                    + checksum + ", expected " + ZOO_CHECKSUM + "); " + howToGet);
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
