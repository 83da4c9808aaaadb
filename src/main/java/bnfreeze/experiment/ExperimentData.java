package bnfreeze.experiment;

import bnfreeze.data.BatchSource;
import bnfreeze.data.FashionMnist;
import bnfreeze.data.ImageSet;
import bnfreeze.data.InMemoryBatches;
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

    static ExperimentData prepare(ExperimentDefinition definition, Optional<Path> dataDir) {
        DataSpec spec = definition.data();
        FashionMnist fashion = FashionMnist.open(dataDir);
        int[] classes = spec.classes().stream().mapToInt(Integer::intValue).toArray();
        BatchSource train = batches(select(fashion.split(FashionMnist.Split.TRAIN), classes, spec.perClass()), spec);
        BatchSource validation = "train".equals(definition.validation())
                ? train
                : batches(select(fashion.split(FashionMnist.Split.TEST), classes, null), spec);
        return new ExperimentData(train, validation, fashion.checksums());
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
                new InMemoryBatches(select(train, classes, imagesPerClass), classes, PixelNormalization.UNIT_INTERVAL),
                new InMemoryBatches(select(test, classes, null), classes, PixelNormalization.UNIT_INTERVAL),
                fashion.checksums());
    }

    private static ImageSet select(ImageSet images, int[] classes, Integer perClass) {
        int[] indices = perClass == null ? images.indicesOfClasses(classes) : images.firstOfEachClass(classes, perClass);
        return images.select(indices);
    }

    private static BatchSource batches(ImageSet images, DataSpec spec) {
        ImageSet shown = spec.lowResolution() == null ? images : Resampling.lowResolution(images, spec.lowResolution());
        int[] classes = spec.classes().stream().mapToInt(Integer::intValue).toArray();
        return new InMemoryBatches(shown, classes, PixelNormalization.UNIT_INTERVAL);
    }
}
