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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

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

    /** The definition files of a directory ({@code experiments/}), in name order. */
    public static java.util.List<Path> inDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new DefinitionException(directory + ": cannot list experiment definitions (" + e.getMessage() + ")");
        }
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
            checkFreezingPoints(file, text, definition);
            return definition;
        } catch (JsonProcessingException e) {
            throw new DefinitionException(describe(file, text, e));
        }
    }

    /** Every phase's freezing point must name a layer of the definition's network. */
    private static void checkFreezingPoints(Path file, String text, ExperimentDefinition definition) {
        java.util.Set<String> layers = Networks.vertexNames(definition.network());
        Map<String, Integer> lines = keyLines(text);
        for (int i = 0; i < definition.phases().size(); i++) {
            String boundary = definition.phases().get(i).freezeThrough();
            if (boundary != null && !layers.contains(boundary)) {
                String field = "phases[" + i + "].freezeThrough";
                throw new DefinitionException(at(file, lines.getOrDefault(field, -1)) + field + ": \"" + boundary
                        + "\" names no layer of " + definition.network().architecture());
            }
        }
    }

    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    private static String describe(Path file, String text, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int parserLine = location != null ? location.getLineNr() : -1;
        if (!(e instanceof JsonMappingException mapping)) {
            return at(file, parserLine) + "malformed YAML: " + firstLine(e.getOriginalMessage());
        }
        if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
            // a syntax error noticed while a value was being read
            JsonLocation where = syntax.getLocation();
            return at(file, where != null && where.getLineNr() > 0 ? where.getLineNr() : parserLine) + "malformed YAML: "
                    + firstLine(syntax.getOriginalMessage());
        }
        Map<String, Integer> lines = keyLines(text);
        String path = path(mapping);
        Throwable cause = e.getCause();
        if (cause instanceof InvalidDefinitionException invalid) {
            String field = invalid.field();
            String leaf = field.substring(field.lastIndexOf('.') + 1);
            int line = Stream.of(path + "." + leaf, field, path).map(lines::get).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(parserLine);
            return at(file, line) + invalid.getMessage();
        }
        int line = lines.getOrDefault(path, parserLine);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return at(file, line) + path + ": unknown key (known: " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        }
        String message = cause instanceof IllegalArgumentException ? cause.getMessage() : mapping.getOriginalMessage();
        return at(file, line) + (path.isEmpty() ? "" : path + ": ") + firstLine(message);
    }

    private static String at(Path file, int line) {
        return file + (line > 0 ? ":" + line : "") + ": ";
    }

    /**
     * The line of every key, by path ({@code data.classes}, {@code phases[0].optimizer}), so that
     * errors point at the key even when the parser noticed them later.
     */
    static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> containers = new ArrayDeque<>();
        Deque<Integer> indices = new ArrayDeque<>();
        String pendingKey = null;
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case FIELD_NAME -> {
                        pendingKey = join(containers.peek(), parser.currentName());
                        lines.putIfAbsent(pendingKey, parser.currentTokenLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String here = pendingKey != null ? pendingKey : element(containers, indices);
                        containers.push(here == null ? "" : here);
                        indices.push(token == JsonToken.START_ARRAY ? 0 : -1);
                        pendingKey = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        containers.pop();
                        indices.pop();
                        advance(indices);
                    }
                    default -> {
                        if (pendingKey == null) {
                            advance(indices);
                        }
                        pendingKey = null;
                    }
                }
            }
        } catch (IOException malformed) {
            // the caller reports the parser's own error
        }
        return lines;
    }

    private static String element(Deque<String> containers, Deque<Integer> indices) {
        if (indices.isEmpty() || indices.peek() < 0) {
            return containers.peek();
        }
        String element = containers.peek() + "[" + indices.peek() + "]";
        return element;
    }

    private static void advance(Deque<Integer> indices) {
        if (!indices.isEmpty() && indices.peek() >= 0) {
            indices.push(indices.pop() + 1);
        }
    }

    private static String join(String parent, String key) {
        return parent == null || parent.isEmpty() ? key : parent + "." + key;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
