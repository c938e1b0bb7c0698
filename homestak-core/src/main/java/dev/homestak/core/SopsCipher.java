package dev.homestak.core;

import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts one sops value {@code ENC[AES256_GCM,data:<b64>,iv:<b64>,tag:<b64>,type:<t>]}:
 * AES-256-GCM with a 32-byte nonce and a 16-byte tag, additional data = the key path joined by
 * {@code :} plus a trailing {@code :}, plaintext typed by {@code type} (as sops' {@code aes/cipher.go}).
 */
final class SopsCipher {

    private static final Pattern ENC = Pattern.compile(
            "^ENC\\[AES256_GCM,data:([A-Za-z0-9+/=]*),iv:([A-Za-z0-9+/=]+),tag:([A-Za-z0-9+/=]+),type:([a-z]+)]$");
    private static final int TAG_BYTES = 16;
    private static final int KEY_BYTES = 32;

    private SopsCipher() {}

    /** True when {@code value} looks like an encrypted sops value (well-formed or not). */
    static boolean looksEncrypted(String value) {
        return value.startsWith("ENC[");
    }

    /**
     * The typed plaintext (String, Integer/Long, Double, Boolean) or a problem phrased to follow the
     * key path ("... is not a well-formed ENC value"); never a guess, never the plaintext in a problem.
     */
    static Either<String, Object> decrypt(String value, byte[] key, String additionalData) {
        if (value.isEmpty()) {
            return Either.right(""); // sops leaves empty strings unencrypted
        }
        Matcher m = ENC.matcher(value);
        if (!m.matches()) {
            return Either.left("is not a well-formed ENC[AES256_GCM,data:...,iv:...,tag:...,type:...] value");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] data;
        byte[] iv;
        byte[] tag;
        try {
            data = b64.decode(m.group(1));
            iv = b64.decode(m.group(2));
            tag = b64.decode(m.group(3));
        } catch (IllegalArgumentException e) {
            return Either.left("has invalid base64 in its ENC[...] value");
        }
        if (tag.length != TAG_BYTES || iv.length == 0 || key.length != KEY_BYTES) {
            return Either.left("has an ENC[...] value with a wrong iv or tag length");
        }
        return open(data, tag, iv, key, additionalData).flatMap(plain -> typed(plain, m.group(4)));
    }

    private static Either<String, byte[]> open(byte[] data, byte[] tag, byte[] iv, byte[] key, String aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[data.length + tag.length];
            System.arraycopy(data, 0, sealed, 0, data.length);
            System.arraycopy(tag, 0, sealed, data.length, tag.length);
            return Either.right(cipher.doFinal(sealed));
        } catch (AEADBadTagException e) {
            return Either.left("failed authentication (changed after encryption: tampered or hand-edited file)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable in this JVM", e);
        }
    }

    private static Either<String, Object> typed(byte[] plain, String type) {
        String text = new String(plain, StandardCharsets.UTF_8);
        return switch (type) {
            case "str", "bytes" -> Either.right(text);
            case "int" -> SopsValues.parseInt(text).toEither("decrypted to something that is not an int");
            case "float" -> SopsValues.parseFloat(text).toEither("decrypted to something that is not a float");
            case "bool" -> SopsValues.parseBool(text).toEither("decrypted to something that is not a bool");
            default -> Either.left("has an ENC[...] value of unsupported type '" + type + "'");
        };
    }
}
