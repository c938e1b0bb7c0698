package dev.homestak.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads SOPS-encrypted YAML files in process: the age-wrapped data key, AES-256-GCM values
 * (additional data = the key path), and the MAC over all values.
 *
 * <p>Decryption is all or nothing: a wrong key, a damaged value or a MAC mismatch gives a
 * {@link ConfigFailure.Decrypt} and no values at all. Messages name key paths and public keys,
 * never plaintext, private keys or the data key.
 */
public final class SopsFile {

    private static final Logger log = LoggerFactory.getLogger(SopsFile.class);

    // yaml.v3 (which sops uses) reads yes/no/on/off as strings; so must we, or the MAC would differ
    private static final ObjectReader READER = YAMLMapper.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build()
            .readerFor(Map.class);

    private SopsFile() {}

    /** True when a parsed YAML document carries a top-level {@code sops} metadata block. */
    public static boolean isEncrypted(Map<String, ?> document) {
        return document.get("sops") instanceof Map<?, ?>;
    }

    /**
     * Decrypts the YAML text of {@code file}. The result is the document without its {@code sops}
     * block, as an unmodifiable insertion-ordered map whose values are String, Integer/Long, Double,
     * Boolean, List or Map (clear values as parsed, a YAML null stays null); any problem (no key,
     * wrong key, MAC mismatch, damaged value) is a {@link ConfigFailure.Decrypt}, a YAML syntax
     * error a {@link ConfigFailure.Parse}.
     */
    public static Either<ConfigFailure, Map<String, Object>> decrypt(
            Path file, String yamlText, AgeIdentities identities) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(identities, "identities");
        return parse(file, yamlText).flatMap(doc -> {
            if (!isEncrypted(doc)) {
                return Either.left(new ConfigFailure.Decrypt(
                        file, "no top-level 'sops' block: this is not a SOPS-encrypted file"));
            }
            return SopsMetadata.from((Map<?, ?>) doc.get("sops"))
                    .flatMap(meta -> decrypt(doc, meta, identities))
                    .mapLeft(problem -> (ConfigFailure) new ConfigFailure.Decrypt(file, problem))
                    .peek(result -> log.debug("decrypted {} ({} top-level keys)", file, result.size()));
        });
    }

    private static Either<String, Map<String, Object>> decrypt(
            Map<String, @Nullable Object> doc, SopsMetadata meta, AgeIdentities identities) {
        var body = new LinkedHashMap<>(doc);
        body.remove("sops");
        return AgeDataKey.unwrap(meta, identities).flatMap(key -> {
            try {
                return SopsTree.decrypt(body, key, meta).flatMap(tree -> verifyMac(tree, key, meta));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        });
    }

    private static Either<String, Map<String, Object>> verifyMac(
            SopsTree.Decrypted tree, byte[] key, SopsMetadata meta) {
        Either<String, Object> stored = SopsCipher.decrypt(meta.mac(), key, meta.lastModified());
        if (stored.isLeft() || !(stored.get() instanceof String mac)) {
            return Either.left("the MAC ('sops.mac') " + stored.swap().getOrElse("is not a string")
                    + "; 'sops.mac' and 'sops.lastmodified' must stay as sops wrote them");
        }
        if (!MessageDigest.isEqual(
                mac.getBytes(StandardCharsets.US_ASCII), tree.mac().getBytes(StandardCharsets.US_ASCII))) {
            return Either.left("MAC mismatch: the values do not match the MAC sops recorded, so the file was"
                    + " changed after encryption (tampered or hand-edited); restore it or re-encrypt it with sops");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) (Map<String, ?>) tree.document();
        return Either.right(document);
    }

    private static Either<ConfigFailure, Map<String, @Nullable Object>> parse(Path file, String yamlText) {
        try (MappingIterator<Map<String, @Nullable Object>> docs = READER.readValues(yamlText)) {
            List<Map<String, @Nullable Object>> all = docs.readAll();
            if (all.size() != 1) {
                return Either.left(new ConfigFailure.Parse(
                        file,
                        0,
                        0,
                        all.isEmpty()
                                ? "the file is empty; expected a SOPS-encrypted YAML mapping"
                                : "holds " + all.size()
                                        + " YAML documents; homestak reads single-document SOPS files"));
            }
            return Either.right(all.getFirst());
        } catch (MismatchedInputException e) {
            return Either.left(parseFailure(file, e, "expected a YAML mapping at the top level"));
        } catch (JsonProcessingException e) {
            // snakeyaml's message interleaves descriptions with indented source excerpts; keep the descriptions
            String problem = e.getOriginalMessage()
                    .lines()
                    .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                    .collect(Collectors.joining("; "));
            return Either.left(parseFailure(file, e, "invalid YAML: " + problem));
        } catch (IOException e) {
            return Either.left(new ConfigFailure.Unreadable(file, String.valueOf(e.getMessage())));
        }
    }

    private static ConfigFailure parseFailure(Path file, JsonProcessingException e, String problem) {
        JsonLocation at = e.getLocation();
        return new ConfigFailure.Parse(
                file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), problem);
    }
}
