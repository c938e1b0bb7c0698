package dev.homestak.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the pve-docs {@code apidata.js} tree (see {@code shared/proxmox/SOURCE.md}) into endpoints. */
final class SchemaReader {

    private static final Pattern INDEX_RANGE = Pattern.compile("\\(n is 0 to (\\d+)");

    private SchemaReader() {}

    static List<PveApiSchema.Endpoint> read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.isArray()) {
            throw new IOException("top level is not an array of path nodes");
        }
        List<PveApiSchema.Endpoint> out = new ArrayList<>();
        for (JsonNode node : root) {
            walk(node, out);
        }
        return out;
    }

    private static void walk(JsonNode node, List<PveApiSchema.Endpoint> out) {
        String path = node.path("path").asText();
        node.path("info").properties().forEach(e -> out.add(endpoint(e.getKey(), path, e.getValue())));
        for (JsonNode child : node.path("children")) {
            walk(child, out);
        }
    }

    private static PveApiSchema.Endpoint endpoint(String method, String path, JsonNode info) {
        Map<String, SchemaParam> params = new LinkedHashMap<>();
        info.path("parameters")
                .path("properties")
                .properties()
                .forEach(e -> params.put(e.getKey(), param(e.getKey(), e.getValue())));
        boolean allowToken = !info.has("allowtoken") || info.path("allowtoken").asInt(1) != 0;
        return new PveApiSchema.Endpoint(
                method,
                path,
                Map.of(),
                params,
                allowToken,
                info.path("returns").path("type").asText(""));
    }

    static SchemaParam param(String name, JsonNode s) {
        SchemaParam.Builder b = SchemaParam.builder(name)
                .type(s.path("type").asText(s.has("alias") ? "" : "string"))
                .optional(s.path("optional").asInt(0) == 1 || s.has("alias"))
                .defaultKey(s.path("default_key").asInt(0) == 1);
        JsonNode format = s.path("format");
        if (format.isTextual()) {
            b.format(format.asText());
        } else if (format.isObject()) {
            Map<String, SchemaParam> sub = new LinkedHashMap<>();
            format.properties().forEach(e -> sub.put(e.getKey(), param(e.getKey(), e.getValue())));
            b.properties(sub);
        }
        // "enum": null (download-url compression) means the list is filled at run time: no enum
        if (s.path("enum").isArray()) {
            List<String> values = new ArrayList<>();
            s.path("enum").forEach(v -> values.add(v.asText()));
            b.enumValues(values);
        }
        number(s, "minimum", "min").ifPresent(b::minimum);
        number(s, "maximum", "max").ifPresent(b::maximum);
        if (s.has("minLength")) {
            b.minLength(s.path("minLength").asInt());
        }
        if (s.has("maxLength")) {
            b.maxLength(s.path("maxLength").asInt());
        }
        if (s.path("pattern").isTextual()) {
            b.pattern(perlToJava(s.path("pattern").asText()));
        }
        if (s.path("requires").isTextual()) {
            b.requires(s.path("requires").asText());
        }
        if (s.path("items").isObject()) {
            b.items(param(name, s.path("items")));
        }
        if (s.path("alias").isTextual()) {
            b.alias(s.path("alias").asText());
        }
        if (s.path("keyAlias").isTextual()) {
            b.keyAlias(s.path("keyAlias").asText());
        }
        Matcher range = INDEX_RANGE.matcher(s.path("description").asText(""));
        if (name.endsWith("[n]") && range.find()) {
            b.maxIndex(Integer.parseInt(range.group(1)));
        }
        return b.build();
    }

    private static java.util.Optional<Double> number(JsonNode s, String key, String alt) {
        JsonNode n = s.has(key) ? s.path(key) : s.path(alt);
        return n.isNumber() || (n.isTextual() && n.asText().matches("-?\\d+(\\.\\d+)?"))
                ? java.util.Optional.of(n.asDouble())
                : java.util.Optional.empty();
    }

    /**
     * Rewrites Perl-only regex syntax: {@code (?^:...)} and {@code (?^i:...)} (the stringified
     * {@code qr//} form), {@code \0} (NUL), which Java reads as an incomplete octal escape, and
     * {@code {,n}}, which Perl 5.34+ (PVE 8 and 9) reads as {@code {0,n}}.
     */
    static String perlToJava(String perl) {
        return perl.replace("(?^:", "(?:")
                .replace("(?^i:", "(?i:")
                .replaceAll("(?<!\\\\)\\\\0(?![0-7])", "\\\\x00")
                .replaceAll("(?<!\\\\)\\{,(\\d+)}", "{0,$1}");
    }
}
