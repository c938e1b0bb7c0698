package dev.homestak.proxmox;

import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a probe until it yields a value, a failure that is not worth waiting out, or the deadline;
 * pauses adaptively ({@link Polling}) and honours interruption.
 */
final class Waiter {

    private final Transport transport;

    Waiter(Transport transport) {
        this.transport = transport;
    }

    /** A probe answer: done with a value, or not yet (with what was seen, for the timeout message). */
    record Probe<T>(Optional<T> value, String seen) {
        static <T> Probe<T> done(T value) {
            return new Probe<>(Optional.of(value), "done");
        }

        static <T> Probe<T> notYet(String seen) {
            return new Probe<>(Optional.empty(), seen);
        }
    }

    <T> Either<ProxmoxFailure, T> until(
            String what,
            Duration timeout,
            Supplier<Either<ProxmoxFailure, Probe<T>>> probe,
            Predicate<ProxmoxFailure> keepWaiting) {
        Instant start = transport.clock().instant();
        Instant deadline = start.plus(timeout);
        Duration pause = transport.polling().initial();
        String seen = "nothing yet";
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return Either.left(new ProxmoxFailure.Cancelled("waiting for " + what));
            }
            Either<ProxmoxFailure, Probe<T>> answer = probe.get();
            if (answer.isLeft() && answer.getLeft() instanceof ProxmoxFailure.Cancelled c) {
                return Either.left(c);
            }
            if (answer.isRight() && answer.get().value().isPresent()) {
                return Either.right(answer.get().value().get());
            }
            if (answer.isLeft() && !keepWaiting.test(answer.getLeft())) {
                return Either.left(answer.getLeft());
            }
            seen = answer.fold(ProxmoxFailure::message, Probe::seen);
            Instant now = transport.clock().instant();
            if (!now.isBefore(deadline)) {
                return Either.left(new ProxmoxFailure.WaitTimeout(what, timeout, seen));
            }
            Duration left = Duration.between(now, deadline);
            try {
                transport.sleeper().sleep(pause.compareTo(left) < 0 ? pause : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Either.left(new ProxmoxFailure.Cancelled("waiting for " + what));
            }
            pause = transport.polling().next(pause);
        }
    }
}
