package bnfreeze.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class KerasMomentumTest {

    @Test
    void followsKerasClassicalMomentum() {
        // Keras: v = 0.9 v - 0.1 g; p += v. DL4J subtracts the returned array, so it must be -v.
        GradientUpdater<?> updater = new KerasMomentum(0.1, 0.9).instantiate(Nd4j.zeros(1, 2), true);
        INDArray g1 = Nd4j.createFromArray(1f, 2f);
        updater.applyUpdater(g1, 0, 0);
        INDArray g2 = Nd4j.createFromArray(1f, 1f);
        updater.applyUpdater(g2, 1, 0);

        assertThat(g1.toDoubleVector()).containsExactly(new double[] {0.1, 0.2}, within(1e-7));
        assertThat(g2.toDoubleVector()).containsExactly(new double[] {0.19, 0.28}, within(1e-7)); // v = [-0.19, -0.28]
    }

    @Test
    void survivesDl4jsJsonLikeTheBuiltInUpdaters() throws Exception {
        ObjectMapper json = org.deeplearning4j.nn.conf.serde.JsonMappers.getMapper();
        IUpdater original = new KerasMomentum(1e-4, 0.9);

        IUpdater read = json.readValue(json.writeValueAsString(original), IUpdater.class);

        assertThat(read).isEqualTo(original);
    }

    @Test
    void optimizerNamesMapToKerasDefaults() {
        assertThat(new OptimizerSpec("sgd", 0.01, 0).toUpdater()).isInstanceOf(org.nd4j.linalg.learning.config.Sgd.class);
        assertThat(new OptimizerSpec("sgd", 1e-4, 0.9).toUpdater()).isEqualTo(new KerasMomentum(1e-4, 0.9));
        org.nd4j.linalg.learning.config.RmsProp rms = (org.nd4j.linalg.learning.config.RmsProp) new OptimizerSpec("RMSprop", 1e-3, 0).toUpdater();
        assertThat(rms.getRmsDecay()).isEqualTo(0.9);
        assertThat(rms.getEpsilon()).isEqualTo(1e-7);
    }
}
