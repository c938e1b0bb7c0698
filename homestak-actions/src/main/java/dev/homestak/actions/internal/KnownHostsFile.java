package dev.homestak.actions.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The entries of one OpenSSH {@code known_hosts} file, with their line numbers: plain host lists
 * ({@code pve,10.0.0.5}, {@code [pve]:2222}, wildcards, {@code !negation}) and hashed names ({@code |1|salt|hmac},
 * {@code HashKnownHosts yes}). Keys are compared as SSH wire blobs, so no key type needs any crypto here.
 */
final class KnownHostsFile {

    /** One key line: where it is, whether it is {@code @revoked}, and its key. */
    record Entry(Path file, int line, String hosts, boolean revoked, String type, byte[] blob) {
        /** {@code file:line}. */
        String where() {
            return file + ":" + line;
        }
    }

    private final List<Entry> entries;

    private KnownHostsFile(List<Entry> entries) {
        this.entries = entries;
    }

    /** The file's key entries (none if it does not exist); {@code @cert-authority} lines are left out. */
    static KnownHostsFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new KnownHostsFile(List.of());
        }
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            parse(file, i + 1, lines.get(i)).ifPresent(entries::add);
        }
        return new KnownHostsFile(List.copyOf(entries));
    }

    /** The entries that name {@code hostId} ({@code host} on port 22, else {@code [host]:port}). */
    List<Entry> entriesFor(String hostId) {
        return entries.stream().filter(e -> names(e.hosts(), hostId)).toList();
    }

    private static Optional<Entry> parse(Path file, int line, String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length < 3 || words[0].startsWith("#")) {
            return Optional.empty();
        }
        int first = 0;
        boolean revoked = false;
        if (words[0].startsWith("@")) {
            if (!words[0].equals("@revoked") || words.length < 4) {
                return Optional.empty(); // @cert-authority: host certificates are not used here
            }
            revoked = true;
            first = 1;
        }
        try {
            byte[] blob = Base64.getDecoder().decode(words[first + 2]);
            return Optional.of(new Entry(file, line, words[first], revoked, words[first + 1], blob));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64: not a key line
        }
    }

    /** Whether a host field ({@code a,b,[c]:22} or {@code |1|salt|hash}) names {@code hostId}. */
    static boolean names(String hosts, String hostId) {
        if (hosts.startsWith("|1|")) {
            return hashed(hosts, hostId);
        }
        return HostPatterns.matches(List.of(hosts.split(",")), hostId);
    }

    private static boolean hashed(String field, String hostId) {
        String[] parts = field.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(expected, mac.doFinal(hostId.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** OpenSSH's {@code SHA256:...} fingerprint of a key blob. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Whether two blobs are the same key. */
    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
