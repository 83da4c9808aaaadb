package bnfreeze.experiment;

/** The requested ND4J backend cannot run on this machine or in this build. */
public class BackendUnavailableException extends RuntimeException {

    public BackendUnavailableException(String message) {
        super(message);
    }
}
