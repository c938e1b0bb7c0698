package dev.homestak.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homestak.proxmox.internal.PveApiSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulator's request log ({@code --sim-request-log}, JSON Lines of every level's requests: the root PVE's and
 * those that reached nested PVEs, through SSH forwards when they are non-routable) read back for assertions.
 */
final class RequestLogCheck {

    private static final Pattern NODE = Pattern.compile("^/nodes/([^/]+)");

    private final List<JsonNode> requests;

    private RequestLogCheck(List<JsonNode> requests) {
        this.requests = requests;
    }

    static RequestLogCheck read(Path log) {
        try {
            return new RequestLogCheck(
                    Files.readAllLines(log).stream().map(RunTest::parse).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many requests the log holds. */
    int size() {
        return requests.size();
    }

    /** The requests ({@code METHOD path}) whose endpoint the PVE 9.1 schema does not define. */
    List<String> outsideSchema() {
        PveApiSchema schema = PveApiSchema.bundled();
        return requests.stream()
                .filter(r -> schema.endpoint(
                                r.get("method").asText(), r.get("path").asText())
                        .isEmpty())
                .map(r -> r.get("method").asText() + " " + r.get("path").asText())
                .toList();
    }

    /** The PVE nodes addressed ({@code /nodes/<node>/...}): one per level, a nested PVE named after its VM. */
    Set<String> nodes() {
        Set<String> nodes = new TreeSet<>();
        for (JsonNode r : requests) {
            Matcher m = NODE.matcher(r.get("path").asText());
            if (m.find()) {
                nodes.add(m.group(1));
            }
        }
        return nodes;
    }
}
