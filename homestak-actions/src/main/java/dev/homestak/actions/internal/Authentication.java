package dev.homestak.actions.internal;

import dev.homestak.actions.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code publickey} methods offered to one hop, in OpenSSH's order: the ssh-agent's keys (with
 * {@code IdentitiesOnly yes}, only those whose file is named), then the key files of
 * {@link SshSettings#identitiesFor}. A key file's passphrase is asked for only when the server accepts its key.
 */
final class Authentication {

    private static final Logger log = LoggerFactory.getLogger(Authentication.class);

    private final SshSettings settings;
    private final Optional<SshAgent> agent;
    private final KeyPassphrases passphrases;

    Authentication(SshSettings settings) {
        this.settings = settings;
        this.agent = settings.agentSocket().map(SshAgent::new);
        this.passphrases = new KeyPassphrases(settings.passphrases());
    }

    /** The run's passphrases (which key needed one that no one could be asked for). */
    KeyPassphrases passphrases() {
        return passphrases;
    }

    /** False when there is surely no key for {@code host}: no agent and none of its key files exists. */
    boolean mayHaveKeys(dev.homestak.actions.SshHostSettings host) {
        return agent.isPresent() || settings.identitiesFor(host).stream().anyMatch(Files::isRegularFile);
    }

    /** The methods for {@code hop}, on {@code client}; empty when there is no key at all. */
    List<AuthMethod> methods(SSHClient client, Hops.Hop hop) {
        List<Path> files = settings.identitiesFor(hop.config()).stream()
                .filter(Files::isRegularFile)
                .toList();
        List<AuthMethod> methods = new ArrayList<>();
        for (SshAgent.Identity identity : agentIdentities()) {
            if (!hop.config().identitiesOnly() || files.stream().anyMatch(f -> isPublicKeyOf(f, identity))) {
                methods.add(new AgentAuthMethod(agent.orElseThrow(), identity));
            }
        }
        for (Path file : files) {
            try {
                methods.add(new FileKey(client.loadKeys(file.toString(), passphrases.finder(file)), file));
            } catch (IOException e) {
                log.warn("skipping SSH key {}: {}", file, e.getMessage());
            }
        }
        return methods;
    }

    private List<SshAgent.Identity> agentIdentities() {
        if (agent.isEmpty()) {
            return List.of();
        }
        try {
            return agent.get().identities();
        } catch (IOException e) {
            // as ssh: an agent that is gone is not an error, the key files are still tried
            log.debug("ssh-agent at {} not usable: {}", agent.get().socket(), e.getMessage());
            return List.of();
        }
    }

    /** Whether {@code file}'s {@code .pub} is the agent's key (how IdentitiesOnly pairs agent keys with files). */
    private static boolean isPublicKeyOf(Path file, SshAgent.Identity identity) {
        try {
            String[] words = Files.readString(file.resolveSibling(file.getFileName() + ".pub"))
                    .strip()
                    .split("\\s+");
            return words.length >= 2 && SshAgent.sameKey(Base64.getDecoder().decode(words[1]), identity.blob());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** sshj's method for a key file, named by its path in messages. */
    private static final class FileKey extends AuthPublickey {
        private final Path file;

        FileKey(net.schmizz.sshj.userauth.keyprovider.KeyProvider keys, Path file) {
            super(keys);
            this.file = file;
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }
}
