package dev.homestak.core.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.homestak.core.ConfigFailure;
import dev.homestak.core.internal.ParseErrors;
import dev.homestak.core.internal.ParseErrors.DuplicateKey;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a manifest (YAML, or JSON text) into a JSON tree with the line of every key, using the
 * streaming parser: Jackson's tree model keeps no locations, and every message must say {@code file:line}.
 * Duplicate keys are refused (a tree reader would silently keep the last one).
 */
final class ManifestReader {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ManifestReader() {}

    /** Reads the manifest file {@code file}. */
    static Either<ConfigFailure, ManifestDoc> file(Path file) {
        if (Files.isDirectory(file)) {
            return Either.left(new ConfigFailure.Unreadable(file, "it is a directory, not a manifest file"));
        }
        try {
            return parse(file, Files.readString(file), YAML);
        } catch (NoSuchFileException e) {
            return Either.left(new ConfigFailure.Missing(file, "", "manifest file not found: check the path"));
        } catch (MalformedInputException e) {
            return Either.left(new ConfigFailure.Unreadable(file, "not UTF-8 text"));
        } catch (IOException e) {
            return Either.left(new ConfigFailure.Unreadable(
                    file, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
        }
    }

    /** Reads JSON text given on the command line ({@code --manifest-json}). */
    static Either<ConfigFailure, ManifestDoc> json(String text) {
        return parse(Path.of(ManifestSource.Json.LABEL), text, JSON);
    }

    private static Either<ConfigFailure, ManifestDoc> parse(Path file, String text, JsonFactory factory) {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Either.left(new ConfigFailure.Parse(
                        file, 0, 0, "is empty; expected a manifest (schema_version: 2, name, nodes)"));
            }
            if (first != JsonToken.START_OBJECT) {
                JsonLocation at = parser.currentTokenLocation();
                return Either.left(new ConfigFailure.Parse(
                        file,
                        at.getLineNr(),
                        at.getColumnNr(),
                        "expected a mapping of keys at the top level (schema_version: 2, name, nodes)"));
            }
            Map<String, Integer> lines = new HashMap<>();
            // the empty path is the document: a missing top-level key is reported where the manifest starts
            lines.put("", parser.currentTokenLocation().getLineNr());
            ObjectNode root = object(parser, "", lines);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                return Either.left(new ConfigFailure.Parse(
                        file, at.getLineNr(), at.getColumnNr(), "more than one document; keep one manifest per file"));
            }
            return Either.right(new ManifestDoc(file, root, lines));
        } catch (DuplicateKey e) {
            return Either.left(e.failure(file, ": keep one"));
        } catch (JsonProcessingException e) {
            return Either.left(ParseErrors.syntax(file, e, "syntax error", "invalid syntax"));
        } catch (IOException e) {
            return Either.left(new ConfigFailure.Unreadable(file, e.getClass().getSimpleName()));
        }
    }

    private static ObjectNode object(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            if (node.has(key)) {
                throw new DuplicateKey(key, at.getLineNr(), at.getColumnNr());
            }
            String keyPath = ManifestDoc.child(path, key);
            lines.put(keyPath, at.getLineNr());
            node.set(key, value(p, p.nextToken(), keyPath, lines));
        }
        return node;
    }

    private static ArrayNode array(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        ArrayNode node = NODES.arrayNode();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            String itemPath = ManifestDoc.index(path, node.size());
            lines.put(itemPath, p.currentTokenLocation().getLineNr());
            node.add(value(p, token, itemPath, lines));
        }
        return node;
    }

    private static JsonNode value(JsonParser p, JsonToken token, String path, Map<String, Integer> lines)
            throws IOException {
        return switch (token) {
            case START_OBJECT -> object(p, path, lines);
            case START_ARRAY -> array(p, path, lines);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(p.getText());
        };
    }
}
