package bnfreeze.train;

import org.deeplearning4j.nn.graph.ComputationGraph;

/** How the network is validated after each epoch; supplied by the stage that evaluates. */
@FunctionalInterface
public interface Validation {

    LossAndAccuracy validate(ComputationGraph net);
}
