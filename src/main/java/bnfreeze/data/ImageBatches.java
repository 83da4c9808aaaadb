package bnfreeze.data;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Labelled images held as 8-bit pixels at their stored size, delivered as normalized float
 * mini-batches, optionally enlarged on the way. Each batch is decoded, resized and normalized when
 * it is needed, so memory holds one byte per stored pixel plus a bounded number of batches in
 * flight, whatever the size of the data set (60,000 CIFAR-10 images at 224x224x3 floats would be
 * 36 GB; held as bytes they are 184 MB). With prefetching, background threads prepare the next
 * batches while the network trains on the current one.
 */
public final class ImageBatches implements BatchSource {

    private final ImageSet images;
    private final int[] classIndex;
    private final int numClasses;
    private final PixelNormalization normalization;
    private final int resizeTo;
    private final int prefetchThreads;
    private final DeviceResize deviceResize;
    private ExecutorService pool;

    /**
     * @param classes the data set's class ids in the order of the network's outputs; the images'
     *                labels must all be among them
     */
    public ImageBatches(ImageSet images, int[] classes, PixelNormalization normalization) {
        this(images, classes, normalization, 0, 0, null);
    }

    private ImageBatches(ImageSet images, int[] classes, PixelNormalization normalization, int resizeTo,
                         int prefetchThreads, DeviceResize deviceResize) {
        this.images = images;
        this.numClasses = classes.length;
        this.normalization = normalization;
        this.resizeTo = resizeTo;
        this.prefetchThreads = prefetchThreads;
        this.deviceResize = deviceResize;
        int maxLabel = Arrays.stream(images.labels()).max().orElse(0);
        int maxClass = Arrays.stream(classes).max().orElse(0);
        this.classIndex = new int[Math.max(maxLabel, maxClass) + 1];
        Arrays.fill(classIndex, -1);
        for (int k = 0; k < classes.length; k++) {
            classIndex[classes[k]] = k;
        }
        for (int label : images.labels()) {
            if (classIndex[label] < 0) {
                throw new IllegalArgumentException("label " + label + " is not among the classes " + Arrays.toString(classes));
            }
        }
    }

    /** These images enlarged (or reduced) bilinearly to {@code size x size}, rounded to 8 bits, before normalization. */
    public ImageBatches resizedTo(int size) {
        return new ImageBatches(images, classes(), normalization, size, prefetchThreads, deviceResize);
    }

    /** Batches prepared ahead by {@code threads} background threads ({@code 0}: in the caller's thread). */
    public ImageBatches prefetched(int threads) {
        return new ImageBatches(images, classes(), normalization, resizeTo, threads, deviceResize);
    }

    /** Resizing and normalization done by ND4J on the backend's device from the 8-bit batch. */
    public ImageBatches resizedOnDevice(DeviceResize resize) {
        return new ImageBatches(images, classes(), normalization, resizeTo, prefetchThreads, resize);
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

    /** The examples at {@code indices[from..to)}, as one normalized batch. */
    public DataSet batch(int[] indices, int from, int to) {
        ImageSet selected = images.select(Arrays.copyOfRange(indices, from, to));
        INDArray labels = labels(selected);
        if (deviceResize != null && resizeTo > 0) {
            return new DataSet(deviceResize.resizeAndNormalize(selected, resizeTo, normalization), labels);
        }
        ImageSet shown = resizeTo > 0 ? Resampling.bilinear(selected, resizeTo, resizeTo) : selected;
        return new DataSet(features(shown, normalization), labels);
    }

    /** Normalized float features {@code [n, channels, height, width]}. */
    public static INDArray features(ImageSet images, PixelNormalization normalization) {
        int perImage = images.pixelsPerImage();
        float[] features = new float[images.count() * perImage];
        for (int i = 0; i < images.count(); i++) {
            normalization.write(images, i, features, i * perImage);
        }
        return Nd4j.create(features, new long[] {images.count(), images.channels(), images.height(), images.width()},
                DataType.FLOAT);
    }

    private INDArray labels(ImageSet selected) {
        float[] labels = new float[selected.count() * numClasses];
        for (int i = 0; i < selected.count(); i++) {
            labels[i * numClasses + classIndex[selected.labels()[i]]] = 1f;
        }
        return Nd4j.create(labels, new long[] {selected.count(), numClasses}, DataType.FLOAT);
    }

    private int[] classes() {
        int[] classes = new int[numClasses];
        for (int label = 0; label < classIndex.length; label++) {
            if (classIndex[label] >= 0) {
                classes[classIndex[label]] = label;
            }
        }
        return classes;
    }

    private Iterator<DataSet> batches(int[] order, int batchSize) {
        if (prefetchThreads > 0) {
            return new Prefetching(order, batchSize);
        }
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

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(prefetchThreads, runnable -> {
                Thread thread = new Thread(runnable, "bnfreeze-batches");
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    /**
     * Delivers batches in order while up to {@code 2 x threads} of the following ones are being
     * prepared: the bound on memory in flight.
     */
    private final class Prefetching implements Iterator<DataSet> {
        private final int[] order;
        private final int batchSize;
        private final Deque<Future<DataSet>> pending = new ArrayDeque<>();
        private int nextToSubmit = 0;

        Prefetching(int[] order, int batchSize) {
            this.order = order;
            this.batchSize = batchSize;
            fill();
        }

        private void fill() {
            while (pending.size() < 2 * prefetchThreads && nextToSubmit < order.length) {
                int from = nextToSubmit;
                int to = Math.min(order.length, from + batchSize);
                pending.add(pool().submit(() -> batch(order, from, to)));
                nextToSubmit = to;
            }
        }

        @Override
        public boolean hasNext() {
            return !pending.isEmpty();
        }

        @Override
        public DataSet next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                DataSet batch = pending.poll().get();
                fill();
                return batch;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while preparing a batch", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
