package dev.homestak.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.homestak.core.internal.ParseErrors;
import dev.homestak.core.internal.ParseErrors.DuplicateKey;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML file with the streaming parser, so that every key keeps the line it was written on
 * (Jackson's tree model has no locations, and messages must say {@code file:line}).
 */
final class YamlReader {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private YamlReader() {}

    /** Reads and parses a file whose top level must be a mapping; an empty file is a failure. */
    static Either<ConfigFailure, YamlDoc> read(Path file) {
        return readText(file).flatMap(text -> parse(file, text));
    }

    /** The file's text, or why it cannot be read (a directory in its place, permissions, bad UTF-8). */
    static Either<ConfigFailure, String> readText(Path file) {
        if (Files.isDirectory(file)) {
            return Either.left(new ConfigFailure.Unreadable(file, "it is a directory, not a file"));
        }
        try {
            return Either.right(Files.readString(file));
        } catch (MalformedInputException e) {
            return Either.left(new ConfigFailure.Unreadable(file, "not UTF-8 text"));
        } catch (IOException e) {
            return Either.left(new ConfigFailure.Unreadable(file, describe(e)));
        }
    }

    /** Parses YAML text that was read from {@code file}. */
    static Either<ConfigFailure, YamlDoc> parse(Path file, String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Either.left(new ConfigFailure.Parse(
                        file, 0, 0, "file is empty; expected a YAML mapping (write {} for an empty one)"));
            }
            if (first != JsonToken.START_OBJECT) {
                JsonLocation at = parser.currentTokenLocation();
                return Either.left(new ConfigFailure.Parse(
                        file,
                        at.getLineNr(),
                        at.getColumnNr(),
                        "expected a mapping of keys at the top level, found " + kind(first)));
            }
            Map<String, Integer> lines = new HashMap<>();
            Map<String, Object> root = readObject(parser, "", lines, file);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                return Either.left(new ConfigFailure.Parse(
                        file, at.getLineNr(), at.getColumnNr(), "more than one YAML document; keep one per file"));
            }
            return Either.right(new YamlDoc(file, root, lines));
        } catch (DuplicateKey e) {
            return Either.left(e.failure(file, ""));
        } catch (JsonProcessingException e) {
            return Either.left(ParseErrors.syntax(file, e, "YAML syntax error", "invalid YAML"));
        } catch (IOException e) {
            return Either.left(new ConfigFailure.Unreadable(file, describe(e)));
        }
    }

    private static Map<String, Object> readObject(JsonParser p, String path, Map<String, Integer> lines, Path file)
            throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            String keyPath = YamlDoc.child(path, key);
            if (lines.containsKey(keyPath)) {
                throw new DuplicateKey(key, at.getLineNr(), at.getColumnNr());
            }
            lines.put(keyPath, at.getLineNr());
            Object value = readValue(p, p.nextToken(), keyPath, lines, file);
            if (value != null) {
                map.put(key, value);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<Object> readArray(JsonParser p, String path, Map<String, Integer> lines, Path file)
            throws IOException {
        List<Object> list = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            String itemPath = YamlDoc.index(path, list.size());
            lines.put(itemPath, p.currentTokenLocation().getLineNr());
            Object value = readValue(p, token, itemPath, lines, file);
            if (value != null) {
                list.add(value);
            }
        }
        return Collections.unmodifiableList(list);
    }

    private static Object readValue(JsonParser p, JsonToken token, String path, Map<String, Integer> lines, Path file)
            throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(p, path, lines, file);
            case START_ARRAY -> readArray(p, path, lines, file);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> integer(p);
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            // YAML tags and binary scalars are not used by site-config; keep their text
            default -> p.getText();
        };
    }

    private static Object integer(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> p.getIntValue();
            case LONG -> p.getLongValue();
            default -> p.getText();
        };
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            default -> "a single value";
        };
    }

    private static String describe(IOException e) {
        String reason = e.getMessage();
        return e.getClass().getSimpleName() + (reason == null ? "" : " (" + reason + ")");
    }
}
