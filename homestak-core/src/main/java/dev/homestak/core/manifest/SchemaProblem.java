package dev.homestak.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One schema violation in the words of a YAML author: the key path it is about ({@code nodes[0].vmid};
 * for a missing or unknown key, the key itself) and what is wrong and what to do.
 *
 * @param path the key path, as in the reader's line map
 * @param problem the text after {@code 'key'}
 */
record SchemaProblem(String path, String problem) {

    /** How to add a required key, by the key's name. */
    private static final Map<String, String> ADD = Map.of(
            "schema_version", "add 'schema_version: 2'",
            "name", "add 'name:'",
            "nodes", "add 'nodes:' with at least one node",
            "type", "add 'type:' (vm, ct or pve)");

    static SchemaProblem of(Error error, JsonNode schemaTree) {
        String at = path(error.getInstanceLocation());
        JsonNode value = error.getInstanceNode();
        JsonNode rule = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "required" ->
                new SchemaProblem(
                        ManifestDoc.child(at, error.getProperty()),
                        "is required — " + ADD.getOrDefault(error.getProperty(), "add '" + error.getProperty() + ":'"));
            case "additionalProperties" ->
                unknownKey(ManifestDoc.child(at, error.getProperty()), error.getProperty(), known(schemaTree, error));
            case "enum" ->
                new SchemaProblem(at, "is " + show(value) + ", not one of " + values(rule) + " — use one of them");
            case "const" -> new SchemaProblem(at, "must be " + rule + ", not " + show(value) + " — write " + rule);
            case "type" -> new SchemaProblem(at, "must be " + types(rule) + ", not " + kind(value));
            case "minimum" -> new SchemaProblem(at, "must be at least " + rule + ", not " + value);
            case "minItems" ->
                new SchemaProblem(at, "must list at least " + rule + " item" + (rule.asInt() == 1 ? "" : "s"));
            default -> new SchemaProblem(at, error.getMessage());
        };
    }

    /** An unknown key, with the nearest known one when it looks like a typo. */
    private static SchemaProblem unknownKey(String path, String key, List<String> known) {
        String names = String.join(", ", known);
        String hint = known.stream()
                .filter(k -> distance(k, key) <= 2)
                .findFirst()
                .map(k -> "did you mean '" + k + "'? (known: " + names + ")")
                .orElse("remove it or use one of: " + names);
        return new SchemaProblem(path, "is not a known key — " + hint);
    }

    /** The property names of the object whose {@code additionalProperties} refused a key. */
    private static List<String> known(JsonNode schemaTree, Error error) {
        NodePath rule = error.getSchemaLocation().getFragment();
        JsonNode object = schemaTree;
        for (int i = 0; i < rule.getNameCount() - 1; i++) {
            object = rule.getElement(i) instanceof Integer n ? object.path(n) : object.path(rule.getName(i));
        }
        List<String> names = new ArrayList<>();
        object.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code $.nodes[0].vmid} as the reader writes it: {@code nodes[0].vmid}. */
    static String path(NodePath at) {
        String out = "";
        for (int i = 0; i < at.getNameCount(); i++) {
            out = at.getElement(i) instanceof Integer n
                    ? ManifestDoc.index(out, n)
                    : ManifestDoc.child(out, at.getName(i));
        }
        return out;
    }

    private static String values(JsonNode rule) {
        List<String> out = new ArrayList<>();
        rule.forEach(v -> out.add(v.asText()));
        return String.join(", ", out);
    }

    private static String types(JsonNode rule) {
        List<String> out = new ArrayList<>();
        (rule.isArray() ? rule : List.of(rule)).forEach(t -> out.add(typeName(t.asText())));
        return String.join(" or ", out);
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "text";
            case "boolean" -> "true or false";
            case "object" -> "a mapping of keys";
            case "array" -> "a list";
            case "null" -> "empty";
            default -> jsonType;
        };
    }

    /** How a value looks to a YAML author. */
    static String kind(JsonNode value) {
        if (value == null || value.isNull()) {
            return "empty";
        }
        if (value.isTextual()) {
            return "text";
        }
        if (value.isIntegralNumber()) {
            return "a whole number";
        }
        if (value.isNumber()) {
            return "a fraction";
        }
        if (value.isBoolean()) {
            return "true/false";
        }
        return value.isArray() ? "a list" : "a mapping";
    }

    private static String show(JsonNode value) {
        return value != null && value.isTextual() ? "'" + value.textValue() + "'" : String.valueOf(value);
    }

    /** Edit distance, for "did you mean" on short key names. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(
                        Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
