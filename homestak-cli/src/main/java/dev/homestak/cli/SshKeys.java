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
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * SSH keys for the {@code sim} host: the user's own ({@code ~/.ssh/id_ed25519}, {@code id_rsa}, and every
 * {@code ~/.ssh/*.pub}), or, when the user has none, an ECDSA key pair generated for this run in a private
 * temporary directory that {@link #close()} deletes.
 *
 * @param source names the public keys in errors
 * @param publicKeys OpenSSH public key lines
 * @param identityFiles private key files
 * @param generatedDir the directory of a generated pair, deleted on close
 */
record SshKeys(String source, List<String> publicKeys, List<Path> identityFiles, Optional<Path> generatedDir)
        implements AutoCloseable {

    /** Copies the lists. */
    SshKeys {
        publicKeys = List.copyOf(publicKeys);
        identityFiles = List.copyOf(identityFiles);
    }

    /** The user's keys if there are any, else a generated run-scoped pair. */
    static Either<Failure, SshKeys> forSimulator(Path home) {
        Path ssh = home.resolve(".ssh");
        List<Path> identities = Stream.of("id_ed25519", "id_rsa").map(ssh::resolve).filter(Files::isRegularFile).toList();
        List<String> lines = userPublicKeys(ssh);
        if (!identities.isEmpty() && !lines.isEmpty()) {
            return Either.right(new SshKeys("~/.ssh/*.pub", lines, identities, Optional.empty()));
        }
        return generate();
    }

    private static List<String> userPublicKeys(Path ssh) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(ssh)) {
            return lines;
        }
        try (DirectoryStream<Path> pubs = Files.newDirectoryStream(ssh, "*.pub")) {
            for (Path pub : pubs) {
                Files.readAllLines(pub).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        } catch (IOException e) {
            return List.of(); // unreadable: fall back to a generated pair
        }
        return lines;
    }

    /** An ECDSA P-256 pair in OpenSSH format in a fresh 0700 directory. */
    static Either<Failure, SshKeys> generate() {
        try {
            Path dir = Files.createTempDirectory("homestak-sim-key-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Path key = dir.resolve("id_ecdsa");
            try (OutputStream out = Files.newOutputStream(key)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "homestak-sim", null, out);
            }
            String line = PublicKeyEntry.toString(pair.getPublic()) + " homestak-sim";
            Files.writeString(dir.resolve("id_ecdsa.pub"), line + "\n");
            return Either.right(new SshKeys("generated run key", List.of(line), List.of(key), Optional.of(dir)));
        } catch (IOException | GeneralSecurityException e) {
            return Either.left(new CliFailure("cannot create an SSH key for the sim host in " +
                    System.getProperty("java.io.tmpdir") + ": " + e.getMessage() + "; create one with ssh-keygen -t ed25519"));
        }
    }

    /** Deletes a generated pair (the user's keys are never touched). */
    @Override
    public void close() {
        generatedDir.ifPresent(SshKeys::deleteTree);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
