package dev.homestak.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed manifest: its JSON tree (nulls kept, as the schema sees them) and the line of every key
 * path ({@code nodes[1].vmid}), so every problem can say {@code file:line}.
 *
 * @param file the file, or {@code --manifest-json} for JSON text
 * @param root the document
 * @param lines 1-based line of each key path; the line of a list item is where the item starts
 */
record ManifestDoc(Path file, JsonNode root, Map<String, Integer> lines) {

    ManifestDoc {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(root, "root");
        lines = Map.copyOf(lines);
    }

    /** The line of {@code path}, else of its nearest parent that has one, else where the document starts (0: unknown). */
    int line(String path) {
        for (String at = path; !at.isEmpty(); at = parent(at)) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
        }
        return lines.getOrDefault("", 0);
    }

    /** {@code nodes[1].vmid} → {@code nodes[1]} → {@code nodes} → empty. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** Joins a parent path and a key: {@code settings.on_error}. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** A list item's path: {@code nodes[2]}. */
    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
