package dev.homestak.sim.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The simulator's key pairs: EC P-256, as a PVE node's TLS key and a Debian guest's SSH host key. */
final class EcKeys {

    private EcKeys() {}

    /** A fresh P-256 key pair. */
    static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no EC P-256", e);
        }
    }
}
