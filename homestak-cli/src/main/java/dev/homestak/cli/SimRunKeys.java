package dev.homestak.cli;

import dev.homestak.core.Failure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * The SSH key of a run on the {@code sim} host: an ECDSA key pair generated for the run in a private temporary
 * directory that {@link #close()} deletes. A run never uses the user's private keys (their type might be one the
 * simulator's SSH server cannot check); the user's public keys are only offered to the VMs as extras
 * ({@link #userPublicKeys}).
 *
 * @param publicKeys OpenSSH public key lines
 * @param identityFiles private key files
 * @param dir the directory of the pair, deleted on close
 */
record SimRunKeys(List<String> publicKeys, List<Path> identityFiles, Path dir) implements AutoCloseable {

    /** Copies the lists. */
    SimRunKeys {
        publicKeys = List.copyOf(publicKeys);
        identityFiles = List.copyOf(identityFiles);
    }

    /**
     * The lines of the user's {@code ~/.ssh/*.pub} (none when there are none or they cannot be read): keys the
     * simulator's VMs also accept, so that the user can log in to them by hand.
     */
    static List<String> userPublicKeys(Path home) {
        Path ssh = home.resolve(".ssh");
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(ssh)) {
            return lines;
        }
        try (DirectoryStream<Path> pubs = Files.newDirectoryStream(ssh, "*.pub")) {
            for (Path pub : pubs) {
                Files.readAllLines(pub).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        } catch (IOException e) {
            return List.of(); // unreadable: the generated pair is enough
        }
        return lines;
    }

    /** An ECDSA P-256 pair in OpenSSH format in a fresh 0700 directory. */
    static Either<Failure, SimRunKeys> generate() {
        try {
            Path dir = Files.createTempDirectory(
                    "homestak-sim-key-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            KeyPair pair = newP256Pair();
            Path key = dir.resolve("id_ecdsa");
            try (OutputStream out = Files.newOutputStream(key)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "homestak-sim", null, out);
            }
            String line = PublicKeyEntry.toString(pair.getPublic()) + " homestak-sim";
            Files.writeString(dir.resolve("id_ecdsa.pub"), line + "\n");
            return Either.right(new SimRunKeys(List.of(line), List.of(key), dir));
        } catch (IOException | GeneralSecurityException e) {
            return Either.left(new CliFailure(
                    "cannot create an SSH key for the sim host in " + System.getProperty("java.io.tmpdir") + ": "
                            + e.getMessage() + "; create one with ssh-keygen -t ed25519"));
        }
    }

    /** A fresh EC P-256 key pair (the first one in a process also computes the JDK's P-256 tables). */
    static KeyPair newP256Pair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** Deletes the generated pair. */
    @Override
    public void close() {
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
