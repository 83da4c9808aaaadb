package bnfreeze.eval;

/**
 * Loss, accuracy and, for two classes, ROC AUC of one evaluation.
 *
 * @param auc area under the ROC curve of the second class's probability; {@code null} unless there are two classes
 */
public record PhaseMetrics(double loss, double acc, Double auc) {}
