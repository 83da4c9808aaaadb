package bnfreeze.model;

/** Pre-trained weights are missing, damaged or cannot be fetched; the message says what to fetch and where to put it. */
public class WeightsUnavailableException extends RuntimeException {

    public WeightsUnavailableException(String message) {
        super(message);
    }
}
