package dev.homestak.sim;

import java.nio.file.Path;
import java.util.Objects;

/** Why a simulator could not start or a profile or key file could not be used. */
public sealed interface SimFailure extends dev.homestak.core.Failure {

    /** A file (profile, authorized keys) could not be read. */
    record Unreadable(Path file, String reason) implements SimFailure {
        /** Validates. */
        public Unreadable {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return file + ": cannot read: " + reason;
        }
    }

    /** A profile or key is not what the simulator understands. */
    record Invalid(String where, String problem) implements SimFailure {
        /** Validates. */
        public Invalid {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            return where + ": " + problem;
        }
    }

    /** A port could not be bound. */
    record CannotListen(String what, String reason) implements SimFailure {
        /** Validates. */
        public CannotListen {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return "simulator cannot listen for " + what + ": " + reason
                    + " (choose another port, or 0 for any free one)";
        }
    }

    /** An inspection call named a VM that does not exist. */
    record NoSuchVm(String node, int vmid) implements SimFailure {
        /** Validates. */
        public NoSuchVm {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String message() {
            return "no VM " + vmid + " on simulated node '" + node + "'";
        }
    }
}
