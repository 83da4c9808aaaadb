package bnfreeze.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small labelled image set held in memory as 8-bit pixels; each mini-batch is normalized to
 * floats when it is delivered, so memory holds one byte per pixel.
 */
public final class InMemoryBatches implements BatchSource {

    private final ImageSet images;
    private final int[] classIndex;
    private final int numClasses;
    private final PixelNormalization normalization;

    /**
     * @param classes the data set's class ids in the order of the network's outputs; the images'
     *                labels must all be among them
     */
    public InMemoryBatches(ImageSet images, int[] classes, PixelNormalization normalization) {
        this.images = images;
        this.numClasses = classes.length;
        this.normalization = normalization;
        int maxLabel = java.util.Arrays.stream(images.labels()).max().orElse(0);
        int maxClass = java.util.Arrays.stream(classes).max().orElse(0);
        this.classIndex = new int[Math.max(maxLabel, maxClass) + 1];
        java.util.Arrays.fill(classIndex, -1);
        for (int k = 0; k < classes.length; k++) {
            classIndex[classes[k]] = k;
        }
        for (int label : images.labels()) {
            if (classIndex[label] < 0) {
                throw new IllegalArgumentException("label " + label + " is not among the classes "
                        + java.util.Arrays.toString(classes));
            }
        }
    }

    public ImageSet images() {
        return images;
    }

    @Override
    public int size() {
        return images.count();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public Iterator<DataSet> inOrder(int batchSize) {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return batches(order, batchSize);
    }

    @Override
    public Iterator<DataSet> shuffled(int batchSize, long seed, int epoch) {
        return batches(EpochOrder.permutation(size(), seed, epoch), batchSize);
    }

    /** The examples at {@code indices}, as one data set. */
    public DataSet batch(int[] indices, int from, int to) {
        int n = to - from;
        int perImage = images.pixelsPerImage();
        float[] features = new float[n * perImage];
        float[] labels = new float[n * numClasses];
        for (int i = 0; i < n; i++) {
            int image = indices[from + i];
            normalization.write(images, image, features, i * perImage);
            labels[i * numClasses + classIndex[images.labels()[image]]] = 1f;
        }
        INDArray x = Nd4j.create(features, new long[] {n, images.channels(), images.height(), images.width()},
                DataType.FLOAT);
        INDArray y = Nd4j.create(labels, new long[] {n, numClasses}, DataType.FLOAT);
        return new DataSet(x, y);
    }

    private Iterator<DataSet> batches(int[] order, int batchSize) {
        return new Iterator<>() {
            private int next = 0;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public DataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int to = Math.min(order.length, next + batchSize);
                DataSet batch = batch(order, next, to);
                next = to;
                return batch;
            }
        };
    }
}
