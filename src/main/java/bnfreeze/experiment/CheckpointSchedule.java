package bnfreeze.experiment;

/**
 * When to write a checkpoint: after an epoch once at least {@value #TRAINING_PER_CHECKPOINT} times
 * the last checkpoint's duration has passed since it was written, and always at the end of a
 * phase. Checkpoints thus cost at most about 5 % of the run, however short its epochs (a ResNet50
 * checkpoint takes seconds, an epoch of the overfit test half a minute on a CPU); a resumed run
 * repeats at most that much work, and gives the same numbers, since training is deterministic.
 */
final class CheckpointSchedule {

    static final double TRAINING_PER_CHECKPOINT = 20;

    private long lastWritten = -1;
    private double lastCost;

    boolean due(boolean endOfPhase) {
        if (endOfPhase || lastWritten < 0) {
            return true;
        }
        return (System.nanoTime() - lastWritten) / 1e9 >= TRAINING_PER_CHECKPOINT * lastCost;
    }

    void written(double seconds) {
        lastWritten = System.nanoTime();
        lastCost = seconds;
    }
}
