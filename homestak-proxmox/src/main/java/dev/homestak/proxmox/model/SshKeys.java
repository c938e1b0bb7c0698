package dev.homestak.proxmox.model;

import java.nio.charset.StandardCharsets;

/**
 * PVE's {@code sshkeys} encoding: the value must already be strictly percent-encoded, leaving only
 * {@code [-a-zA-Z0-9_.!~*'()]} (no {@code +} for a space), before it is form-encoded again.
 */
public final class SshKeys {

    private SshKeys() {}

    /** Encodes public keys (one per line) for the {@code sshkeys} option. */
    public static String encode(String keys) {
        StringBuilder out = new StringBuilder();
        for (byte b : keys.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-_.!~*'()".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
