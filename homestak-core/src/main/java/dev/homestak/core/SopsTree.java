package dev.homestak.core;

import io.vavr.control.Either;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Walks a SOPS document (without its {@code sops} block) the way sops' {@code Tree.Decrypt} does:
 * map keys extend the path, list items do not; every leaf is decrypted or kept per the rules, and
 * its bytes go into a SHA-512 whose upper-case hex is the MAC to compare with {@code sops.mac}.
 */
final class SopsTree {

    /** The decrypted document (unmodifiable, insertion-ordered) and the MAC computed over it. */
    record Decrypted(Map<String, @Nullable Object> document, String mac) {}

    private final byte[] key;
    private final SopsMetadata meta;
    private final MessageDigest digest;

    private SopsTree(byte[] key, SopsMetadata meta) {
        this.key = key;
        this.meta = meta;
        try {
            this.digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is unavailable in this JVM", e);
        }
    }

    /** Decrypts every value; the first problem (naming its key path) stops the walk, nothing partial escapes. */
    static Either<String, Decrypted> decrypt(Map<String, @Nullable Object> document, byte[] key, SopsMetadata meta) {
        SopsTree tree = new SopsTree(key, meta);
        return tree.branch(document, List.of(), "").map(doc -> {
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> map = (Map<String, @Nullable Object>) doc;
            return new Decrypted(map, HexFormat.of().withUpperCase().formatHex(tree.digest.digest()));
        });
    }

    private Either<String, @Nullable Object> walk(@Nullable Object value, List<String> path, String shown) {
        return switch (value) {
            case null -> Either.right(null); // sops neither encrypts nor hashes a null
            case Map<?, ?> map -> branch(map, path, shown);
            case List<?> list -> list(list, path, shown);
            default -> leaf(value, path, shown);
        };
    }

    private Either<String, @Nullable Object> branch(Map<?, ?> map, List<String> path, String shown) {
        var out = new LinkedHashMap<String, @Nullable Object>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            var childPath = new ArrayList<>(path);
            childPath.add(name);
            Either<String, @Nullable Object> child =
                    walk(entry.getValue(), childPath, shown.isEmpty() ? name : shown + "." + name);
            if (child.isLeft()) {
                return child;
            }
            out.put(name, child.get());
        }
        return Either.right(Collections.unmodifiableMap(out));
    }

    private Either<String, @Nullable Object> list(List<?> list, List<String> path, String shown) {
        var out = new ArrayList<@Nullable Object>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Either<String, @Nullable Object> child = walk(list.get(i), path, shown + "[" + i + "]");
            if (child.isLeft()) {
                return child;
            }
            out.add(child.get());
        }
        return Either.right(Collections.unmodifiableList(out));
    }

    private Either<String, @Nullable Object> leaf(Object value, List<String> path, String shown) {
        boolean encrypted = meta.rules().encrypted(path);
        Object plain = value;
        if (encrypted) {
            if (!(value instanceof String text)) {
                return Either.left("'" + shown + "' should be encrypted but holds a clear value"
                        + " (hand-edited file?); re-encrypt the file with sops");
            }
            Either<String, Object> opened = SopsCipher.decrypt(text, key, String.join(":", path) + ":");
            if (opened.isLeft()) {
                return Either.left("'" + shown + "' " + opened.getLeft());
            }
            plain = opened.get();
        }
        if (!meta.macOnlyEncrypted() || encrypted) {
            var bytes = SopsValues.toBytes(plain);
            if (bytes.isEmpty()) {
                return Either.left("'" + shown + "' holds a value of a type sops cannot hold");
            }
            digest.update(bytes.get());
        }
        return Either.right(plain);
    }
}
