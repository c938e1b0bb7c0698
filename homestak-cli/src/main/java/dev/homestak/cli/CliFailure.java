package dev.homestak.cli;

import dev.homestak.core.Failure;
import java.util.Objects;

/**
 * A problem with what the user asked for that only the command line can see (a missing {@code --host}, a
 * refused confirmation, failed pre-flight checks): one line saying what is wrong and what to do.
 *
 * @param message the line shown after {@code homestak: }
 */
record CliFailure(String message) implements Failure {

    /** Validates the message. */
    CliFailure {
        Objects.requireNonNull(message, "message");
    }
}
