package bnfreeze.experiment;

import bnfreeze.data.BatchSource;
import bnfreeze.data.Cifar10;
import bnfreeze.data.DeviceResize;
import bnfreeze.data.FashionMnist;
import bnfreeze.data.ImageSet;
import bnfreeze.data.ImageBatches;
import bnfreeze.data.PixelNormalization;
import bnfreeze.data.Resampling;
import bnfreeze.experiment.ExperimentDefinition.DataSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The data of a run, prepared as its definition says: training and validation batches, and the
 * checksums of the files they came from.
 */
record ExperimentData(BatchSource train, BatchSource validation, Map<String, String> checksums) {

    /** Threads that prepare batches ahead of the training step (decode, resize, normalize). */
    static final int PREFETCH_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    /**
     * @param onDevice resize on the backend's device (CUDA) where it computes what the host computes
     */
    static ExperimentData prepare(ExperimentDefinition definition, Optional<Path> dataDir, boolean onDevice) {
        DataSpec spec = definition.data();
        int[] classes = spec.classes().stream().mapToInt(Integer::intValue).toArray();
        ImageSet trainImages;
        ImageSet testImages;
        Map<String, String> checksums;
        if (Datasets.CIFAR10.equals(spec.dataset())) {
            Cifar10 cifar = Cifar10.open(dataDir);
            trainImages = cifar.split(Cifar10.Split.TRAIN);
            testImages = "test".equals(definition.validation()) ? cifar.split(Cifar10.Split.TEST) : null;
            checksums = cifar.checksums();
        } else {
            FashionMnist fashion = FashionMnist.open(dataDir);
            trainImages = fashion.split(FashionMnist.Split.TRAIN);
            testImages = "test".equals(definition.validation()) ? fashion.split(FashionMnist.Split.TEST) : null;
            checksums = fashion.checksums();
        }
        BatchSource train = batches(select(trainImages, classes, spec.perClass()), spec, onDevice);
        BatchSource validation = testImages == null ? train : batches(select(testImages, classes, null), spec, onDevice);
        return new ExperimentData(train, validation, checksums);
    }

    /**
     * Every class except {@code excluded}, at native resolution, for pre-training: the training
     * images (the first {@code imagesPerClass} of each class, or all), validated on all test images.
     */
    static ExperimentData pretraining(FashionMnist fashion, List<Integer> excluded, Integer imagesPerClass) {
        int[] classes = IntStream.range(0, FashionMnist.CLASS_NAMES.size())
                .filter(c -> !excluded.contains(c)).toArray();
        ImageSet train = fashion.split(FashionMnist.Split.TRAIN);
        ImageSet test = fashion.split(FashionMnist.Split.TEST);
        return new ExperimentData(
                new ImageBatches(select(train, classes, imagesPerClass), classes, PixelNormalization.UNIT_INTERVAL),
                new ImageBatches(select(test, classes, null), classes, PixelNormalization.UNIT_INTERVAL),
                fashion.checksums());
    }

    private static ImageSet select(ImageSet images, int[] classes, Integer perClass) {
        int[] indices = perClass == null ? images.indicesOfClasses(classes) : images.firstOfEachClass(classes, perClass);
        return images.select(indices);
    }

    private static BatchSource batches(ImageSet images, DataSpec spec, boolean onDevice) {
        ImageSet shown = spec.lowResolution() == null ? images : Resampling.lowResolution(images, spec.lowResolution());
        int[] classes = spec.classes().stream().mapToInt(Integer::intValue).toArray();
        PixelNormalization normalization = Datasets.CAFFE_IMAGENET.equals(spec.normalization())
                ? PixelNormalization.CAFFE_IMAGENET : PixelNormalization.UNIT_INTERVAL;
        ImageBatches batches = new ImageBatches(shown, classes, normalization);
        if (spec.resize() == null) {
            return batches;
        }
        ImageBatches resized = batches.resizedTo(spec.resize()).prefetched(PREFETCH_THREADS);
        if (onDevice) {
            DeviceResize device = new DeviceResize();
            ImageSet sample = shown.select(IntStream.range(0, Math.min(8, shown.count())).toArray());
            if (device.matchesHost(sample, spec.resize(), normalization)) {
                return resized.resizedOnDevice(device);
            }
            LOG.warn("resizing on the device differs from the host's result on a sample; resizing on the host");
        }
        return resized;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExperimentData.class);
}
