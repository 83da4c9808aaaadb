package bnfreeze.experiment;

/** An experiment definition cannot be used; the message is one line that names the file and the field. */
public class DefinitionException extends RuntimeException {

    public DefinitionException(String message) {
        super(message);
    }
}
