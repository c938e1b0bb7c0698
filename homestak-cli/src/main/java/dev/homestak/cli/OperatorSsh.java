package dev.homestak.cli;

import dev.homestak.actions.PassphrasePrompt;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.Failure;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import io.vavr.control.Either;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSH settings of a run on a site-config host, as the operator has SSH set up: their home ({@code ~/.ssh/config},
 * default keys, {@code known_hosts}), {@code SSH_AUTH_SOCK}, the {@code --identity} files, then the host's
 * {@code ssh_identity}; every site-config host's address checked against their known_hosts; passphrases asked on
 * the terminal.
 */
final class OperatorSsh {

    private OperatorSsh() {}

    /** The settings for a run on {@code host} of {@code site}, or a one-line failure naming a key file that is not there. */
    static Either<Failure, SshSettings> settings(
            CliEnvironment env, SiteConfig site, HostConfig host, List<Path> identityOptions) {
        List<Path> identities = new ArrayList<>();
        for (Path option : identityOptions) {
            Path file = env.workingDir().resolve(option);
            if (!Files.isRegularFile(file)) {
                return Either.left(new CliFailure(
                        "--identity " + option + ": no such file (give a private key file, e.g. ~/.ssh/id_ed25519)"));
            }
            identities.add(file);
        }
        for (Path file : host.sshIdentityFiles(env.config().home(), site.root())) {
            if (!Files.isRegularFile(file)) {
                return Either.left(
                        new CliFailure(
                                host.file() + ": ssh_identity names " + file
                                        + ", which is not a file (set ssh_identity in the node file or site.yaml defaults to a private key file)"));
            }
            identities.add(file);
        }
        return Either.right(SshSettings.builder()
                .environment(env.config().home(), env.variables())
                .identityFiles(identities)
                .defaultPort(host.vmSshPort())
                .operatorHosts(operatorHosts(site))
                .passphrases(prompt(env.terminal()))
                .build());
    }

    /** The SSH addresses of every node and host of the site: the operator's own machines. */
    static Set<String> operatorHosts(SiteConfig site) {
        return site.hostNames().stream()
                .map(site::host)
                .filter(Either::isRight)
                .map(h -> h.get().sshHost())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** On a terminal: asks without echo; otherwise no one can be asked (the client then says to use ssh-agent). */
    static PassphrasePrompt prompt(Terminal terminal) {
        if (!terminal.stdinTty()) {
            return PassphrasePrompt.none();
        }
        return keyFile -> {
            Console console = System.console();
            return console == null
                    ? Optional.empty()
                    : Optional.ofNullable(console.readPassword("Enter passphrase for key '%s': ", keyFile));
        };
    }
}
