package bnfreeze.train;

/**
 * What one training phase does: {@code epochs} passes over the training data in mini-batches of
 * {@code batchSize}, shuffled anew each epoch from {@code shuffleSeed}.
 */
public record PhasePlan(String name, int epochs, int batchSize, long shuffleSeed) {

    public PhasePlan {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("a phase needs at least one epoch and a batch size of at least 1");
        }
    }
}
