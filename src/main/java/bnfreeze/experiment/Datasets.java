package bnfreeze.experiment;

import java.util.List;

/** The data sets and pixel normalizations a definition may name. */
final class Datasets {

    static final String FASHION_MNIST = "fashion-mnist";
    static final String CIFAR10 = "cifar10";
    static final List<String> NAMES = List.of(FASHION_MNIST, CIFAR10);
    static final String UNIT_INTERVAL = "unit-interval";
    static final String CAFFE_IMAGENET = "caffe-imagenet";
    static final List<String> NORMALIZATIONS = List.of(UNIT_INTERVAL, CAFFE_IMAGENET);

    private Datasets() {}

    static int numClasses(String dataset) {
        return 10; // Fashion-MNIST and CIFAR-10 both have ten classes
    }
}
