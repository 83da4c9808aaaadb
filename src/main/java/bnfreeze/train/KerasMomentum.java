package bnfreeze.train;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * SGD with classical (heavy-ball) momentum, Keras's {@code SGD(lr, momentum, nesterov=False)}:
 * {@code v = momentum * v - lr * g; p = p + v}. DL4J offers only Nesterov momentum, which is a
 * different update; the study's second fine-tuning phase used the classical one.
 */
public final class KerasMomentum implements IUpdater {

    private double learningRate;
    private final double momentum;

    public KerasMomentum(@JsonProperty("learningRate") double learningRate, @JsonProperty("momentum") double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @JsonProperty("learningRate")
    public double getLearningRate() {
        return learningRate;
    }

    @JsonProperty("momentum")
    public double getMomentum() {
        return momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater updater = new Updater(this);
        INDArray flat = viewArray.reshape(viewArray.length());
        updater.setStateViewArray(flat, flat.shape(), flat.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        Updater updater = new Updater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public KerasMomentum clone() {
        return new KerasMomentum(learningRate, momentum);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        if (lrSchedule != null) {
            throw new UnsupportedOperationException("learning-rate schedules are not supported by " + getClass().getSimpleName());
        }
        this.learningRate = lr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KerasMomentum other && other.learningRate == learningRate && other.momentum == momentum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum);
    }

    @Override
    public String toString() {
        return "KerasMomentum(learningRate=" + learningRate + ", momentum=" + momentum + ")";
    }

    /** The velocity lives in DL4J's updater state array, so it is saved with the model. */
    static final class Updater implements GradientUpdater<KerasMomentum> {
        static final String VELOCITY = "V";
        private final KerasMomentum config;
        private INDArray velocity;

        Updater(KerasMomentum config) {
            this.config = config;
        }

        @Override
        public KerasMomentum getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> stateMap, boolean initialize) {
            if (!stateMap.containsKey(VELOCITY) || stateMap.size() != 1) {
                throw new IllegalStateException("state must hold only " + VELOCITY + ", got " + stateMap.keySet());
            }
            velocity = stateMap.get(VELOCITY);
            if (initialize) {
                velocity.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of(VELOCITY, velocity);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
            if (initialize) {
                viewArray.assign(0);
            }
            velocity = viewArray.reshape(gradientOrder, gradientShape);
        }

        /** DL4J subtracts the returned "gradient" from the parameters, so it is set to {@code -v}. */
        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            velocity.muli(config.momentum).subi(gradient.reshape(velocity.shape()).mul(config.getLearningRate(iteration, epoch)));
            gradient.assign(velocity.reshape(gradient.shape())).negi();
        }
    }
}
