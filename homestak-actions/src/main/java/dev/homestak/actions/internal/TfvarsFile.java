package dev.homestak.actions.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.homestak.core.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes tool inputs as JSON files readable only by the user: a tfvars file holds the API token and
 * the root password, so it is created with mode 600 under a unique name, never a shared
 * {@code /tmp/<env>-<node>.tfvars.json} (the original's collision and permission problem).
 */
public final class TfvarsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TfvarsFile() {}

    /** A new private temp file {@code <prefix>*.json} holding {@code values} as pretty JSON; secrets revealed. */
    public static Path write(String prefix, Map<String, ?> values) throws IOException {
        Path file = Files.createTempFile(
                prefix, ".json", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            JSON.writeValue(file.toFile(), plain(values));
            return file;
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** {@code value} as JSON on one line, secrets revealed (for a command-line argument). */
    public static String inline(Map<String, ?> values) {
        try {
            return new ObjectMapper().writeValueAsString(plain(values));
        } catch (IOException e) {
            throw new IllegalArgumentException("values are not JSON-like: " + e.getMessage(), e);
        }
    }

    /** True when a secret sits anywhere in the value. */
    public static boolean containsSecret(Object value) {
        if (value instanceof Secret) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(TfvarsFile::containsSecret);
        }
        return value instanceof List<?> list && list.stream().anyMatch(TfvarsFile::containsSecret);
    }

    private static Object plain(Object value) {
        if (value instanceof Secret secret) {
            return secret.reveal();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        return value;
    }
}
