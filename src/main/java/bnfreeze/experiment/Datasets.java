package bnfreeze.experiment;

import java.util.List;

/** The data sets and pixel normalizations a definition may name. */
final class Datasets {

    static final String FASHION_MNIST = "fashion-mnist";
    static final List<String> NAMES = List.of(FASHION_MNIST);
    static final List<String> NORMALIZATIONS = List.of("unit-interval");

    private Datasets() {}

    static int numClasses(String dataset) {
        return 10; // Fashion-MNIST has ten classes
    }
}
