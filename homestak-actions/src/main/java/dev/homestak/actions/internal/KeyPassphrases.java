package dev.homestak.actions.internal;

import dev.homestak.actions.PassphrasePrompt;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * The passphrases of one run's key files: asked once per key through the {@link PassphrasePrompt}, kept in memory
 * for the run (sshj asks again for every connection), and the keys that needed one but had no one to ask.
 */
final class KeyPassphrases {

    private final PassphrasePrompt prompt;
    private final Map<Path, char[]> known = new ConcurrentHashMap<>();
    private final Set<Path> unanswered = ConcurrentHashMap.newKeySet();

    KeyPassphrases(PassphrasePrompt prompt) {
        this.prompt = prompt;
    }

    /** sshj's source of the passphrase of {@code keyFile}. */
    PasswordFinder finder(Path keyFile) {
        return new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                char[] passphrase = known.computeIfAbsent(keyFile, f -> ask(f).orElse(null));
                // sshj wipes the array it is given after use: hand out a copy
                return passphrase == null ? null : Arrays.copyOf(passphrase, passphrase.length);
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                known.remove(keyFile); // a wrong passphrase is asked for again at the next login, not kept
                return false;
            }
        };
    }

    /** A key file that needed a passphrase that no one could be asked for, if any. */
    Optional<Path> unanswered() {
        return unanswered.stream().findFirst();
    }

    private Optional<char[]> ask(Path keyFile) {
        Optional<char[]> answer = prompt.ask(keyFile);
        if (answer.isEmpty()) {
            unanswered.add(keyFile);
        }
        return answer;
    }
}
