package bnfreeze.experiment;

import bnfreeze.data.AtomicFiles;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code config.yaml} of a run directory: the definition as it was when the run started, and the
 * run's own settings. A resumed run continues from it, not from the definition file, which may
 * have changed since.
 */
record ResolvedConfiguration(ExperimentDefinition definition, Run run) {

    static final String FILE_NAME = "config.yaml";

    /**
     * @param data    the {@code --data} directory, or {@code default}
     * @param weights the {@code --weights} file, if one was given
     * @param threads     ND4J's threads, and {@code nativeBuild} the libnd4j build: the same numbers
     *                    need the same of both, so a resumed run compares them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(String definitionFile, String policy, long seed, String backend, String data, String weights,
               String startedAt, Integer threads, String nativeBuild) {}

    void write(Path runDirectory) {
        AtomicFiles.writeString(runDirectory.resolve(FILE_NAME), Definitions.toYaml(this));
    }

    static ResolvedConfiguration read(Path runDirectory) {
        Path file = runDirectory.resolve(FILE_NAME);
        try {
            return Definitions.yaml().readValue(Files.readString(file), ResolvedConfiguration.class);
        } catch (NoSuchFileException e) {
            throw new DefinitionException(file + ": not a bnfreeze run directory (no " + FILE_NAME + ")");
        } catch (JsonProcessingException e) {
            throw new DefinitionException(file + ": damaged run configuration (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            throw new DefinitionException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
