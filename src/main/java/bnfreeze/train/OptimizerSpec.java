package bnfreeze.train;

import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * An optimizer as a Keras user names it, with Keras's defaults where the study relied on them.
 *
 * @param name         {@code sgd}, {@code rmsprop} or {@code adam}
 * @param learningRate the learning rate
 * @param momentum     SGD momentum (0 for none)
 */
public record OptimizerSpec(String name, double learningRate, double momentum) {

    public static final java.util.List<String> NAMES = java.util.List.of("sgd", "rmsprop", "adam");

    public OptimizerSpec {
        if (name == null || !NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("optimizer name must be one of " + NAMES + ", got " + name);
        }
        name = name.toLowerCase(Locale.ROOT);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (momentum > 0 && !name.equals("sgd")) {
            throw new IllegalArgumentException("momentum applies to sgd only, not to " + name);
        }
    }

    public IUpdater toUpdater() {
        return switch (name) {
            case "sgd" -> momentum == 0 ? new Sgd(learningRate) : new KerasMomentum(learningRate, momentum);
            // Keras 2.1: rho 0.9, epsilon 1e-7 (DL4J's defaults are 0.95 and 1e-8)
            case "rmsprop" -> new RmsProp(learningRate, 0.9, 1e-7);
            // Keras 2.1: beta1 0.9, beta2 0.999, epsilon 1e-7
            case "adam" -> new Adam(learningRate, 0.9, 0.999, 1e-7);
            default -> throw new IllegalStateException(name);
        };
    }
}
