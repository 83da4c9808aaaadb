package bnfreeze.experiment;

import java.util.List;

/** The architectures a definition may name, and where their weights come from. */
final class Networks {

    static final String SMALL_RESNET = "small-resnet";
    static final String RESNET50 = "resnet50";
    static final List<String> ARCHITECTURES = List.of(SMALL_RESNET, RESNET50);
    /** ResNet50's weights: ImageNet's (the study's), or random (for tests and timing, no download). */
    static final List<String> RESNET50_WEIGHTS = List.of("imagenet", "random");

    private Networks() {}

    /** The names of the layers and vertices of the network a definition describes (before its head is replaced). */
    static java.util.Set<String> vertexNames(ExperimentDefinition.NetworkSpec spec) {
        if (RESNET50.equals(spec.architecture())) {
            return bnfreeze.model.ResNet50Imagenet.vertexNames();
        }
        return new bnfreeze.model.SmallResNet(1, 28, 28, spec.stages(), spec.blocksPerStage(), 2,
                spec.batchNorm().momentum(), spec.batchNorm().epsilon())
                .configuration(0, new org.nd4j.linalg.learning.config.Sgd(0.1)).getVertices().keySet();
    }
}
