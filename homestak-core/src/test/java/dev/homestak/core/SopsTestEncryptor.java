package dev.homestak.core;

import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only SOPS encryptor written from the format description (not from the reader's code):
 * a random data key wrapped for one age recipient, AES-256-GCM values with the key path as
 * additional data, and the SHA-512 MAC encrypted with {@code lastmodified} as additional data.
 */
final class SopsTestEncryptor {

    static final String LAST_MODIFIED = "2026-01-02T03:04:05Z";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] dataKey = new byte[32];
    private final String recipient;
    private final Map<String, Object> rule;
    private final boolean macOnlyEncrypted;
    private final Predicate<List<String>> encrypted;
    private final MessageDigest mac;

    /**
     * @param rule one sops rule as metadata, e.g. {@code Map.of("encrypted_regex", "^secret$")};
     *             empty means sops' default {@code unencrypted_suffix: _unencrypted}
     */
    SopsTestEncryptor(String recipient, Map<String, Object> rule, boolean macOnlyEncrypted) throws Exception {
        RANDOM.nextBytes(dataKey);
        this.recipient = recipient;
        this.rule = rule.isEmpty() ? Map.of("unencrypted_suffix", "_unencrypted") : rule;
        this.macOnlyEncrypted = macOnlyEncrypted;
        this.encrypted = predicate(this.rule);
        this.mac = MessageDigest.getInstance("SHA-512");
    }

    /** Encrypts a plain document and renders the SOPS YAML text. */
    static String encrypt(
            Map<String, Object> plain, String recipient, Map<String, Object> rule, boolean macOnlyEncrypted)
            throws Exception {
        return new SopsTestEncryptor(recipient, rule, macOnlyEncrypted).render(plain);
    }

    String render(Map<String, Object> plain) throws Exception {
        Object body = walk(plain, List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = new LinkedHashMap<>((Map<String, Object>) body);
        Map<String, Object> sops = new LinkedHashMap<>();
        sops.put("age", List.of(Map.of("recipient", recipient, "enc", wrapDataKey())));
        sops.put("lastmodified", LAST_MODIFIED);
        String hex = HexFormat.of().withUpperCase().formatHex(mac.digest());
        sops.put("mac", encryptValue(hex, dataKey, LAST_MODIFIED));
        sops.putAll(rule);
        if (macOnlyEncrypted) {
            sops.put("mac_only_encrypted", true);
        }
        sops.put("version", "3.9.0");
        doc.put("sops", sops);
        return new YAMLMapper().writeValueAsString(doc);
    }

    private Object walk(Object value, List<String> path) throws Exception {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : map.entrySet()) {
                var child = new ArrayList<>(path);
                child.add((String) e.getKey());
                out.put((String) e.getKey(), walk(e.getValue(), child));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(walk(item, path)); // list items add no path segment
            }
            return out;
        }
        boolean enc = encrypted.test(path);
        if (!macOnlyEncrypted || enc) {
            mac.update(plainText(value).getBytes(StandardCharsets.UTF_8));
        }
        return enc ? encryptValue(value, dataKey, String.join(":", path) + ":") : value;
    }

    static String encryptValue(Object value, byte[] key, String aad) throws Exception {
        String type = switch (value) {
            case String s -> "str";
            case Integer i -> "int";
            case Long l -> "int";
            case Double d -> "float";
            case Boolean b -> "bool";
            default -> throw new IllegalArgumentException("type " + value.getClass());
        };
        byte[] iv = new byte[32];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plainText(value).getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return "ENC[AES256_GCM,data:" + b64.encodeToString(java.util.Arrays.copyOf(sealed, sealed.length - 16))
                + ",iv:" + b64.encodeToString(iv)
                + ",tag:" + b64.encodeToString(java.util.Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length))
                + ",type:" + type + "]";
    }

    /** How sops renders a value as text: Go's strconv forms, booleans title-cased. */
    static String plainText(Object value) {
        return switch (value) {
            case Boolean b -> b ? "True" : "False";
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            default -> value.toString();
        };
    }

    private String wrapDataKey() throws Exception {
        var armored = new ByteArrayOutputStream();
        try (WritableByteChannel channel = new ArmoredEncryptingChannelFactory()
                .newEncryptingChannel(
                        Channels.newChannel(armored),
                        List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient)))) {
            channel.write(ByteBuffer.wrap(dataKey));
        }
        return armored.toString(StandardCharsets.US_ASCII);
    }

    private static Predicate<List<String>> predicate(Map<String, Object> rule) {
        var entry = rule.entrySet().iterator().next();
        String value = (String) entry.getValue();
        return switch (entry.getKey()) {
            case "unencrypted_suffix" -> path -> path.stream().noneMatch(p -> p.endsWith(value));
            case "encrypted_suffix" -> path -> path.stream().anyMatch(p -> p.endsWith(value));
            case "unencrypted_regex" ->
                path -> path.stream()
                        .noneMatch(p -> Pattern.compile(value).matcher(p).find());
            case "encrypted_regex" ->
                path -> path.stream()
                        .anyMatch(p -> Pattern.compile(value).matcher(p).find());
            default -> throw new IllegalArgumentException(entry.getKey());
        };
    }
}
