package bnfreeze.train;

/** The training loss became NaN or infinite; the run cannot go on. */
public class NumericalFailureException extends RuntimeException {

    public NumericalFailureException(String phase, int epoch, int step, double loss) {
        super("training loss is " + loss + " in phase \"" + phase + "\", epoch " + epoch + ", step " + step
                + " (numerical failure: try a smaller learning rate)");
    }
}
