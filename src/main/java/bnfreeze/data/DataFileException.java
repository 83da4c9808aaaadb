package bnfreeze.data;

import java.nio.file.Path;

/**
 * A data file is missing, truncated, corrupt or foreign. The message is meant to be shown to the
 * user as it is: it names the file, says what is wrong and how to get a good copy.
 */
public class DataFileException extends RuntimeException {

    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
