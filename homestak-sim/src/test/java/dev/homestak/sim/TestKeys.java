package dev.homestak.sim;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** Client key pairs for SSH tests, with their OpenSSH public key lines. */
final class TestKeys {

    private TestKeys() {}

    static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ecdsa-sha2-nistp256 AAAA... test@sim}. */
    static String line(KeyPair pair) {
        return PublicKeyEntry.toString(pair.getPublic()) + " test@sim";
    }
}
