package bnfreeze.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads and writes experiment definitions as YAML; every problem is one line naming file, line and field. */
public final class Definitions {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Definitions() {}

    public static ObjectMapper yaml() {
        return YAML;
    }

    public static ExperimentDefinition load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DefinitionException(file + ": no such experiment definition");
        } catch (IOException e) {
            throw new DefinitionException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    static ExperimentDefinition parse(Path file, String text) {
        try {
            ExperimentDefinition definition = YAML.readValue(text, ExperimentDefinition.class);
            if (definition == null) {
                throw new DefinitionException(file + ": empty experiment definition");
            }
            return definition;
        } catch (JsonProcessingException e) {
            throw new DefinitionException(describe(file, e));
        }
    }

    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    private static String describe(Path file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = file + (location != null && location.getLineNr() > 0 ? ":" + location.getLineNr() : "");
        Throwable cause = e.getCause();
        if (cause instanceof InvalidDefinitionException invalid) {
            return where + ": " + invalid.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return where + ": unknown key \"" + unknown.getPropertyName() + "\" in " + path(unknown)
                    + " (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return where + ": " + path(mapping) + ": " + firstLine(mapping.getOriginalMessage());
        }
        return where + ": malformed YAML: " + firstLine(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "the top level" : path;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
