package dev.homestak.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * An SSH key pair for a test's client: a fresh ECDSA P-256 private key in an OpenSSH file (no passphrase) and its
 * {@code authorized_keys} line, to hand to {@link SimulatorBuilder#authorizedKeys} and to the client. Made in-process
 * (no {@code ssh-keygen}; for keys made the way operators make them, see {@link SshKeygen}).
 *
 * @param file          the private key file
 * @param publicKey     its public key
 * @param authorizedKey the public key as one {@code authorized_keys} line, ending in the comment
 */
public record ClientKey(Path file, PublicKey publicKey, String authorizedKey) {

    /** Writes a new key pair's private key to {@code file}; {@code comment} ends its public line. */
    public static ClientKey generate(Path file, String comment) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            try (OutputStream out = Files.newOutputStream(file)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, out);
            }
            return new ClientKey(file, pair.getPublic(), PublicKeyEntry.toString(pair.getPublic()) + " " + comment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make an EC P-256 key", e);
        }
    }
}
