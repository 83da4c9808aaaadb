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
}
