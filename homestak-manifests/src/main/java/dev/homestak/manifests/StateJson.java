package dev.homestak.manifests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state file's JSON: upstream's {@code execution.json} shape ({@code manifest_name, host_name, started_at,
 * nodes: {name: {status, vm_id, ip, ...}}}) with {@code "schema": 1}, the deployment tag and, per node, what resume
 * needs (type, parent, fingerprint, created_at).
 */
final class StateJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateJson() {}

    static String render(DeploymentState s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", 1);
        root.put("manifest_name", s.manifest());
        root.put("host_name", s.host());
        root.put("tag", s.tag());
        root.put("started_at", s.startedAt().toString());
        root.put("updated_at", s.updatedAt().toString());
        ObjectNode nodes = root.putObject("nodes");
        s.nodes().forEach((name, n) -> {
            ObjectNode o = nodes.putObject(name);
            o.put("type", n.type());
            n.parent().ifPresentOrElse(p -> o.put("parent", p), () -> o.putNull("parent"));
            o.put("status", n.status().json());
            n.vmId().ifPresentOrElse(id -> o.put("vm_id", id), () -> o.putNull("vm_id"));
            n.ip().ifPresentOrElse(ip -> o.put("ip", ip), () -> o.putNull("ip"));
            o.put("fingerprint", n.fingerprint());
            n.createdAt().ifPresentOrElse(t -> o.put("created_at", t.toString()), () -> o.putNull("created_at"));
            o.put("updated_at", n.updatedAt().toString());
            n.error().ifPresentOrElse(e -> o.put("error", e), () -> o.putNull("error"));
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state JSON", e);
        }
    }

    static Either<String, DeploymentState> parse(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject() || root.path("schema").asInt() != 1) {
                return Either.left("not a homestak deployment state (schema 1)");
            }
            Map<String, NodeRecord> nodes = new LinkedHashMap<>();
            var fields = root.path("nodes").fields();
            while (fields.hasNext()) {
                var e = fields.next();
                JsonNode n = e.getValue();
                NodeState status = NodeState.ofJson(n.path("status").asText()).orElse(NodeState.FAILED);
                nodes.put(
                        e.getKey(),
                        new NodeRecord(
                                e.getKey(),
                                n.path("type").asText("vm"),
                                text(n, "parent"),
                                status,
                                n.path("vm_id").isInt()
                                        ? Optional.of(n.path("vm_id").asInt())
                                        : Optional.empty(),
                                text(n, "ip"),
                                n.path("fingerprint").asText(""),
                                text(n, "created_at").map(Instant::parse),
                                Instant.parse(n.path("updated_at").asText()),
                                text(n, "error")));
            }
            return Either.right(new DeploymentState(
                    root.path("manifest_name").asText(),
                    root.path("host_name").asText(),
                    root.path("tag").asText(),
                    Instant.parse(root.path("started_at").asText()),
                    Instant.parse(root.path("updated_at").asText()),
                    nodes));
        } catch (JsonProcessingException e) {
            return Either.left("not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (DateTimeParseException e) {
            return Either.left("a time is not an ISO-8601 instant: " + e.getParsedString());
        }
    }

    private static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
