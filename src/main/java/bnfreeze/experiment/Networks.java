package bnfreeze.experiment;

import java.util.List;

/** The architectures a definition may name. */
final class Networks {

    static final String SMALL_RESNET = "small-resnet";
    static final List<String> ARCHITECTURES = List.of(SMALL_RESNET);

    private Networks() {}
}
