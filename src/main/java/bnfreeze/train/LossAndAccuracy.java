package bnfreeze.train;

/** Mean loss and accuracy over a data set. */
public record LossAndAccuracy(double loss, double accuracy) {}
