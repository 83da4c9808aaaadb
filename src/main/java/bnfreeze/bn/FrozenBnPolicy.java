package bnfreeze.bn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a <em>frozen</em> BatchNormalization layer does while the layers above it are trained.
 * All policies keep a frozen layer's gamma and beta fixed and normalize with the moving
 * statistics at inference; they differ in training mode. Trainable BatchNormalization layers
 * and Dropout behave the same under every policy.
 *
 * <table>
 *   <caption>Frozen BatchNormalization in training mode</caption>
 *   <tr><th>policy</th><th>normalizes with</th><th>moving mean/variance</th><th>as in</th></tr>
 *   <tr><td>{@link #KERAS}</td><td>mini-batch statistics</td><td>fixed</td><td>Keras 2.1.3 to 2.2.4</td></tr>
 *   <tr><td>{@link #PATCHED}</td><td>moving statistics</td><td>fixed</td><td>the study's fix; tf.keras since 2.0; DL4J's FrozenLayer</td></tr>
 *   <tr><td>{@link #LEGACY}</td><td>mini-batch statistics</td><td>updated</td><td>Keras before 2.1.3</td></tr>
 * </table>
 *
 * <p>Under {@code keras} the layers above a frozen BatchNormalization learn on features
 * normalized by the statistics of each training batch but are served features normalized by the
 * statistics of the pre-training data: the mismatch the study blames for the collapse of
 * inference accuracy.
 */
public enum FrozenBnPolicy {
    KERAS,
    PATCHED,
    LEGACY;

    /** Whether a frozen BatchNormalization layer normalizes with batch statistics in training mode. */
    public boolean usesBatchStatisticsInTraining() {
        return this != PATCHED;
    }

    /** Whether a frozen BatchNormalization layer's moving statistics follow the training batches. */
    public boolean updatesMovingStatistics() {
        return this == LEGACY;
    }

    /** The name used on the command line, in definitions and in results. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FrozenBnPolicy fromId(String id) {
        for (FrozenBnPolicy policy : values()) {
            if (policy.id().equals(id)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown frozen-BN policy \"" + id + "\"; expected one of "
                + Arrays.stream(values()).map(FrozenBnPolicy::id).collect(Collectors.joining(", ")));
    }
}
