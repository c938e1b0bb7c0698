package dev.homestak.manifests;

import dev.homestak.actions.ActionFailure;
import dev.homestak.core.Failure;
import java.nio.file.Path;
import java.util.Objects;

/** Why a manifest verb could not start: nothing was changed when one of these is returned. */
public sealed interface ManifestFailure extends Failure {

    /** Another apply/destroy/test of the same manifest on the same host holds the deployment's lock. */
    record Locked(String manifest, String host, Path lockFile, String holder) implements ManifestFailure {
        /** Validates components. */
        public Locked {
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(lockFile, "lockFile");
            Objects.requireNonNull(holder, "holder");
        }

        @Override
        public String message() {
            return "deployment " + manifest + " on " + host + " is busy: " + holder + " holds " + lockFile
                    + "; wait for it to finish (or stop that process) and run again";
        }
    }

    /** The state file cannot be read or written. */
    record State(Path file, String problem) implements ManifestFailure {
        /** Validates components. */
        public State {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            return "state file " + file + ": " + problem;
        }
    }

    /** The manifest cannot be run as it is (a node's preset or image missing, a node type not supported yet). */
    record Invalid(String manifest, String node, String problem) implements ManifestFailure {
        /** Validates components. */
        public Invalid {
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            return "manifest " + manifest + ", node " + node + ": " + problem;
        }
    }

    /** The live check of the deployment's VMs failed (the host did not answer). */
    record Live(String host, ActionFailure cause) implements ManifestFailure {
        /** Validates components. */
        public Live {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String message() {
            return "could not check the deployment's VMs on " + host + ": " + cause.message();
        }
    }
}
