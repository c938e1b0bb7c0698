package dev.homestak.actions;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the operator for the passphrase of a private key file. The SSH client asks at most once per key and run
 * and keeps the answer in memory only; it never writes or logs it.
 */
@FunctionalInterface
public interface PassphrasePrompt {

    /** The passphrase of {@code keyFile}, typed without echo; empty when no one can be asked (no terminal). */
    Optional<char[]> ask(Path keyFile);

    /** No terminal: a passphrase-protected key file cannot be used (load it into ssh-agent instead). */
    static PassphrasePrompt none() {
        return keyFile -> Optional.empty();
    }
}
