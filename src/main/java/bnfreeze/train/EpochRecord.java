package bnfreeze.train;

/**
 * One epoch of one training phase, as Keras logs it: mean training loss and accuracy over the
 * epoch's batches (each measured in the forward pass that preceded the batch's update), and the
 * validation loss and accuracy after the epoch.
 */
public record EpochRecord(String phase, int epoch, double loss, double acc, double valLoss, double valAcc,
                          double seconds) {}
