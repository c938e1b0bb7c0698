package dev.homestak.core;

import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which values of a SOPS document are encrypted, from the one rule in its metadata
 * ({@code unencrypted_suffix} by default {@code _unencrypted}, {@code encrypted_suffix},
 * {@code unencrypted_regex} or {@code encrypted_regex}), applied to the key path as sops does.
 */
record SopsRules(
        String unencryptedSuffix,
        String encryptedSuffix,
        Optional<Pattern> unencryptedRegex,
        Optional<Pattern> encryptedRegex) {

    /** sops' default when a file names no rule. */
    static final String DEFAULT_UNENCRYPTED_SUFFIX = "_unencrypted";

    private static final List<String> RULE_KEYS = List.of(
            "unencrypted_suffix",
            "encrypted_suffix",
            "unencrypted_regex",
            "encrypted_regex",
            "unencrypted_comment_regex",
            "encrypted_comment_regex");

    /** Validates components. */
    SopsRules {
        Objects.requireNonNull(unencryptedSuffix, "unencryptedSuffix");
        Objects.requireNonNull(encryptedSuffix, "encryptedSuffix");
        Objects.requireNonNull(unencryptedRegex, "unencryptedRegex");
        Objects.requireNonNull(encryptedRegex, "encryptedRegex");
    }

    /** Reads the rule from the {@code sops} block; more than one rule, or a bad regex, is a problem. */
    static Either<String, SopsRules> from(Map<?, ?> sops) {
        List<String> present = RULE_KEYS.stream()
                .filter(k -> sops.get(k) instanceof String s && !s.isEmpty())
                .toList();
        if (present.size() > 1) {
            return Either.left("the sops block sets more than one of " + present + "; sops allows only one");
        }
        // comment rules only concern comments, which carry no values here; they still disable the default
        String unencryptedSuffix = present.isEmpty() ? DEFAULT_UNENCRYPTED_SUFFIX : text(sops, "unencrypted_suffix");
        try {
            return Either.right(new SopsRules(
                    unencryptedSuffix,
                    text(sops, "encrypted_suffix"),
                    regex(sops, "unencrypted_regex"),
                    regex(sops, "encrypted_regex")));
        } catch (PatternSyntaxException e) {
            return Either.left("the sops block has an invalid regex: " + e.getDescription());
        }
    }

    private static String text(Map<?, ?> sops, String key) {
        return sops.get(key) instanceof String s ? s : "";
    }

    private static Optional<Pattern> regex(Map<?, ?> sops, String key) {
        String value = text(sops, key);
        return value.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(value));
    }

    /**
     * True when the value at {@code path} is encrypted. Each rule looks at every segment of the
     * path, so a rule that matches a map key covers everything below it; Go's {@code regexp.Match}
     * finds a match anywhere in the segment, hence {@code find()}.
     */
    boolean encrypted(List<String> path) {
        boolean encrypted = true;
        if (!unencryptedSuffix.isEmpty() && path.stream().anyMatch(p -> p.endsWith(unencryptedSuffix))) {
            encrypted = false;
        }
        if (!encryptedSuffix.isEmpty()) {
            encrypted = path.stream().anyMatch(p -> p.endsWith(encryptedSuffix));
        }
        if (unencryptedRegex.isPresent()
                && path.stream().anyMatch(p -> unencryptedRegex.get().matcher(p).find())) {
            encrypted = false;
        }
        if (encryptedRegex.isPresent()) {
            encrypted =
                    path.stream().anyMatch(p -> encryptedRegex.get().matcher(p).find());
        }
        return encrypted;
    }
}
