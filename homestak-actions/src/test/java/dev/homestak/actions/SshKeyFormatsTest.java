package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.sim.RequiresTool;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SSH client runs on the JDK's own cryptography (BouncyCastle is not registered as a provider; this
 * module's test servers use it unregistered, see the pom): every key format {@code ssh-keygen} writes must
 * still log in, against ECDSA and RSA host keys.
 */
@DisplayName("SSH client: keys written by the real ssh-keygen, on the JDK's providers")
@RequiresTool("ssh-keygen")
class SshKeyFormatsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} key ({1}) against an {2} host key")
    @CsvSource({
        "ecdsa,   openssh, EC",
        "ecdsa,   openssh, RSA",
        "rsa,     openssh, EC",
        "rsa,     PEM,     EC",
        "ecdsa,   PEM,     RSA",
        "ecdsa,   PKCS8,   EC",
        "rsa,     PKCS8,   EC",
    })
    @DisplayName("logs in and runs a command with every key type and file format")
    void logsIn(String type, String format, String hostKeyAlgorithm) throws Exception {
        Path key = sshKeygen(type, format);
        PublicKey authorized = AuthorizedKeyEntry.parseAuthorizedKeyEntry(
                        Files.readString(key.resolveSibling("id.pub")).strip())
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        try (TestSshServer server = TestSshServer.start(
                "127.0.0.1",
                0,
                tmp.resolve("host.key"),
                hostKeyAlgorithm,
                "root",
                authorized,
                command -> TestSshServer.Reply.ok("ready\n"))) {
            SshClient client = SshClient.create(SshSettings.builder()
                    .identityFiles(List.of(key))
                    .port("127.0.0.1", server.port())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build());
            Either<ActionFailure, SshResult> result = client.exec(
                    SshRequest.of(client.endpoint("root", "127.0.0.1"), "echo ready", Duration.ofSeconds(10)),
                    CancellationToken.create());
            assertThat(Security.getProvider("BC"))
                    .as("BouncyCastle registered as a JCA provider")
                    .isNull();
            assertThat(result.map(SshResult::stdout)).isEqualTo(Either.right("ready\n"));
            assertThat(server.commands()).containsExactly("echo ready");
        }
    }

    @Test
    @DisplayName(
            "reads an ed25519 key into the JDK's Ed25519 (this module's MINA test server has no EdDSA to log in to)")
    void readsEd25519Keys() throws Exception {
        SshClient.preload(); // as every run: sets sshj up on the JDK providers
        Path key = sshKeygen("ed25519", "openssh");
        try (SSHClient ssh = new SSHClient()) {
            KeyProvider keys = ssh.loadKeys(key.toString());
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(new byte[] {1, 2, 3});
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(keys.getPublic());
            verifier.update(new byte[] {1, 2, 3});
            assertThat(verifier.verify(signature)).isTrue();
            assertThat(keys.getPublic().getAlgorithm()).isIn("Ed25519", "EdDSA");
        }
        assertThat(Security.getProvider("BC"))
                .as("BouncyCastle registered as a JCA provider")
                .isNull();
    }

    /** A key pair from the real {@code ssh-keygen}, without a passphrase, in {@code tmp/id}. */
    private Path sshKeygen(String type, String format) throws Exception {
        Path key = tmp.resolve("id");
        List<String> command =
                new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "test", "-f", key.toString()));
        if (!format.equals("openssh")) {
            command.addAll(List.of("-m", format));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("ssh-keygen finished")
                .isTrue();
        assertThat(process.exitValue())
                .as(new String(process.getInputStream().readAllBytes()))
                .isZero();
        return key;
    }
}
