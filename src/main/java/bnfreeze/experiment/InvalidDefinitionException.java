package bnfreeze.experiment;

/** A value in an experiment definition is missing or out of range. */
public class InvalidDefinitionException extends IllegalArgumentException {

    private final String field;

    public InvalidDefinitionException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
