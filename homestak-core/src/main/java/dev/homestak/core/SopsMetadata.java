package dev.homestak.core;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a SOPS file's {@code sops} block that decryption needs.
 *
 * @param age              the age recipients with their wrapped data keys
 * @param otherKeyTypes    names of non-empty key lists homestak cannot use ({@code pgp}, {@code kms}, ...)
 * @param lastModified     the {@code lastmodified} string, additional data of the MAC
 * @param mac              the encrypted MAC
 * @param rules            which values are encrypted
 * @param macOnlyEncrypted whether clear values are left out of the MAC
 */
record SopsMetadata(
        List<Recipient> age,
        List<String> otherKeyTypes,
        String lastModified,
        String mac,
        SopsRules rules,
        boolean macOnlyEncrypted) {

    private static final List<String> OTHER_KEY_TYPES = List.of("pgp", "kms", "gcp_kms", "azure_kv", "hc_vault");

    /** One {@code sops.age[]} entry: the recipient's public key and the armored age file holding the data key. */
    record Recipient(String recipient, String enc) {
        /** Validates components. */
        Recipient {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(enc, "enc");
        }
    }

    /** Validates and copies components. */
    SopsMetadata {
        age = List.copyOf(age);
        otherKeyTypes = List.copyOf(otherKeyTypes);
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(rules, "rules");
    }

    /** Reads the block; the problem on the left says which metadata key is wrong. */
    static Either<String, SopsMetadata> from(Map<?, ?> sops) {
        if (sops.get("key_groups") instanceof List<?> groups && !groups.isEmpty()) {
            return Either.left("the file uses sops key_groups (Shamir secret sharing), which homestak does not"
                    + " support; re-encrypt it with a single age key group");
        }
        var age = new ArrayList<Recipient>();
        if (sops.get("age") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (!(entry instanceof Map<?, ?> m
                        && m.get("recipient") instanceof String r
                        && m.get("enc") instanceof String enc)) {
                    return Either.left("sops.age[" + age.size() + "] needs string 'recipient' and 'enc' keys");
                }
                age.add(new Recipient(r, enc));
            }
        }
        List<String> others = OTHER_KEY_TYPES.stream()
                .filter(k -> sops.get(k) instanceof List<?> l && !l.isEmpty())
                .toList();
        if (!(sops.get("mac") instanceof String mac) || mac.isEmpty()) {
            return Either.left("the sops block has no 'mac'; refusing a file whose integrity cannot be checked");
        }
        if (!(sops.get("lastmodified") instanceof String lastModified)) {
            return Either.left("the sops block has no 'lastmodified' string");
        }
        boolean macOnlyEncrypted = Boolean.TRUE.equals(sops.get("mac_only_encrypted"));
        return SopsRules.from(sops)
                .map(rules -> new SopsMetadata(age, others, lastModified, mac, rules, macOnlyEncrypted));
    }

    /** The recipients' public keys, for messages. */
    List<String> recipients() {
        return age.stream().map(Recipient::recipient).toList();
    }
}
