package bnfreeze.eval;

import java.util.Locale;

/**
 * The three ways the study evaluates a trained, saved and reloaded model.
 *
 * <p>In Keras the learning phase is a graph-level switch: {@code dynamic} leaves it to
 * {@code evaluate} (which runs in inference mode), {@code static0} and {@code static1} fix it to
 * 0 or 1 before the model is loaded. In DL4J the learning phase is an argument of each forward
 * call, so {@code dynamic} (the network's default inference call) and {@code static0} (an explicit
 * inference-mode call) reach the same code; that they give the accuracy the last epoch's
 * validation gave checks the save and reload, as the study's equality did.
 */
public enum LearningPhase {
    /** Normal inference: {@code net.outputSingle(x)}. */
    DYNAMIC,
    /** Every layer forced to inference mode. */
    STATIC0,
    /**
     * Every layer forced to training mode (batch statistics, Dropout active), except that frozen
     * BatchNormalization under the {@code patched} policy stays in inference mode; over shuffled
     * mini-batches of the training batch size, changing no parameter or statistic.
     */
    STATIC1;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
