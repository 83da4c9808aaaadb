package bnfreeze.data;

import java.util.Iterator;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Labelled examples delivered as mini-batches: features {@code [n, channels, height, width]},
 * one-hot labels {@code [n, classes]}. The last batch of an epoch may be smaller, as in Keras.
 */
public interface BatchSource {

    int size();

    int numClasses();

    /** All examples in their stored order. */
    Iterator<DataSet> inOrder(int batchSize);

    /**
     * The examples of one epoch in a shuffled order that depends only on {@code seed} and
     * {@code epoch}, so that an interrupted run can reproduce the order of any epoch.
     */
    Iterator<DataSet> shuffled(int batchSize, long seed, int epoch);

    default int batchesPerEpoch(int batchSize) {
        return (size() + batchSize - 1) / batchSize;
    }
}
