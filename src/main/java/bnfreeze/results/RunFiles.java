package bnfreeze.results;

import bnfreeze.data.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** JSON files of a run directory. */
public final class RunFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunFiles() {}

    public static ObjectMapper json() {
        return JSON;
    }

    public static void writeSummary(Path runDirectory, RunSummary summary) {
        try {
            AtomicFiles.write(runDirectory.resolve(RunSummary.FILE_NAME), (JSON.writeValueAsString(summary) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunSummary readSummary(Path runDirectory) throws IOException {
        return JSON.readValue(runDirectory.resolve(RunSummary.FILE_NAME).toFile(), RunSummary.class);
    }
}
