package dev.homestak.cli;

import java.util.Arrays;
import java.util.Optional;

/**
 * The signals that ask {@code homestak} to stop: Ctrl-C, {@code kill} (what CI runners, systemd, Kubernetes,
 * {@code docker stop} and {@code timeout} send) and a closed terminal. All three take the same path; the exit
 * code says which one it was (128 + its number, as a shell reports it).
 */
enum StopSignal {
    /** Ctrl-C. */
    INT(2),
    /** {@code kill PID}. */
    TERM(15),
    /** The terminal (or the SSH session to the controller) was closed. */
    HUP(1);

    private final int number;

    StopSignal(int number) {
        this.number = number;
    }

    /** The name reports and messages use: {@code SIGINT}, {@code SIGTERM}, {@code SIGHUP}. */
    String signalName() {
        return "SIG" + name();
    }

    /** 128 + the signal's number: 130, 143, 129. */
    int exitCode() {
        return 128 + number;
    }

    /** The signal of {@link #signalName()}, if it is one of these. */
    static Optional<StopSignal> named(String signalName) {
        return Arrays.stream(values())
                .filter(s -> s.signalName().equals(signalName))
                .findFirst();
    }
}
