package dev.homestak.actions;

import dev.homestak.actions.internal.Texts;
import dev.homestak.core.ConfigFailure;
import dev.homestak.core.Failure;
import dev.homestak.proxmox.ProxmoxFailure;
import java.time.Duration;
import java.util.Objects;

/**
 * Why an action did not succeed: a value in the left of {@code Either}, with a one-line
 * {@link #message()} a user can act on. Lower-layer failures are wrapped, never flattened.
 */
public sealed interface ActionFailure extends Failure
        permits ActionFailure.Timeout,
                ActionFailure.ProcessExit,
                ActionFailure.Ssh,
                ActionFailure.Api,
                ActionFailure.Precondition,
                ActionFailure.Cancelled,
                ActionFailure.Config,
                StepFailure {

    /**
     * The failures {@link Action#retry(dev.homestak.core.RetryPolicy)} tries again: all but cancellation, bad
     * input, config problems and rejected host keys.
     */
    java.util.function.Predicate<ActionFailure> TRANSIENT = f -> !(f instanceof Cancelled
            || f instanceof Precondition
            || f instanceof Config
            || f instanceof Ssh ssh && ssh.permanent());

    /** Work that did not finish within its limit; it was stopped (process signalled, connection closed). */
    record Timeout(String what, Duration limit, String detail) implements ActionFailure {
        /** Validates components; {@code detail} may be empty. */
        public Timeout {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(detail, "detail");
        }

        /** A timeout without further detail. */
        public static Timeout of(String what, Duration limit) {
            return new Timeout(what, limit, "");
        }

        @Override
        public String message() {
            String base = "Timeout " + what + " after " + Texts.duration(limit);
            return detail.isEmpty() ? base : base + ": " + detail;
        }
    }

    /** An external command ran and exited with a non-zero code; {@code detail} is its readable reason. */
    record ProcessExit(String command, int exitCode, String detail) implements ActionFailure {
        /** Validates components. */
        public ProcessExit {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String message() {
            String base = command + " failed (exit " + exitCode + ")";
            return detail.isEmpty() ? base : base + ": " + detail;
        }
    }

    /** An SSH connection or command could not be made to work. */
    record Ssh(String target, Reason reason, String detail) implements ActionFailure {
        /** Validates components. */
        public Ssh {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** True when trying again cannot help (a rejected host key). */
        public boolean permanent() {
            return reason == Reason.HOST_KEY_REJECTED;
        }

        @Override
        public String message() {
            return "SSH to " + target + ": " + reason.text + (detail.isEmpty() ? "" : ": " + detail);
        }

        /** What kind of SSH problem it was. */
        public enum Reason {
            /** TCP connect failed or the connection broke before authentication. */
            UNREACHABLE("cannot connect"),
            /** The server refused every key offered. */
            AUTH_REFUSED("key refused"),
            /** The host key is not the one known for this host; nothing was sent. */
            HOST_KEY_REJECTED("host key rejected"),
            /** The session broke after authentication. */
            BROKEN("connection lost");

            private final String text;

            Reason(String text) {
                this.text = text;
            }
        }
    }

    /** A failure of the Proxmox API, kept as it is (its {@link ProxmoxFailure} case tells what happened). */
    record Api(ProxmoxFailure cause) implements ActionFailure {
        /** Validates components. */
        public Api {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String message() {
            return cause.message();
        }
    }

    /** Something the action needs is missing or wrong before it starts (a fact, a directory, a tool). */
    record Precondition(String problem) implements ActionFailure {
        /** Validates components. */
        public Precondition {
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            return problem;
        }
    }

    /** The run was cancelled (Ctrl-C, a sibling's failure in a parallel group) and the work stopped. */
    record Cancelled(String what, String reason) implements ActionFailure {
        /** Validates components. */
        public Cancelled {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return what + " was cancelled" + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }

    /** A site-config problem found while the action resolved its inputs. */
    record Config(ConfigFailure cause) implements ActionFailure {
        /** Validates components. */
        public Config {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String message() {
            return cause.message();
        }
    }
}
