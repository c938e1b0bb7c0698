package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import dev.homestak.core.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Why a Proxmox VE call did not succeed: one case per situation a caller handles differently.
 *
 * <p>{@code request} components read like {@code POST /nodes/pve/qemu/100/status/start}; reasons
 * are PVE's own text (body {@code message}, else the HTTP status-line reason). No case ever holds
 * a token, password or ticket.
 */
public sealed interface ProxmoxFailure extends Failure {

    /** True when trying again later may succeed (the client already retried within its deadline). */
    default boolean isTransient() {
        return false;
    }

    /** 401: the token or password was refused (PVE delays every 401 by 3 s; never retried blindly). */
    record Authentication(String request, String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return request + ": authentication failed (" + reason
                    + "); check the API token (user@realm!tokenid=secret) or the password";
        }
    }

    /** 403: the user or token lacks a privilege; {@code path} and {@code privilege} when PVE names them. */
    record PermissionDenied(String request, Optional<String> path, Optional<String> privilege, String reason)
            implements ProxmoxFailure {
        @Override
        public String message() {
            String need = privilege
                    .map(p -> "; grant " + p + " on " + path.orElse("/")
                            + " to the user (and to the token when it has privsep=1)")
                    .orElse("");
            return request + ": permission denied: " + reason + need;
        }
    }

    /** The resource does not exist (PVE reports this as a 500 such as {@code ... does not exist}). */
    record NotFound(String request, String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return request + ": not found: " + reason;
        }
    }

    /** The resource already exists, e.g. {@code VM 100 already exists on node 'pve'}. */
    record AlreadyExists(String request, String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return request + ": already exists: " + reason;
        }
    }

    /** 400: parameter verification failed; {@code errors} maps each parameter to PVE's message. */
    record ParameterInvalid(String request, Map<String, String> errors) implements ProxmoxFailure {
        /** Copies the map in key order. */
        public ParameterInvalid {
            errors = java.util.Collections.unmodifiableMap(new TreeMap<>(errors));
        }

        @Override
        public String message() {
            return request + ": parameter verification failed: "
                    + errors.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue().strip())
                            .collect(Collectors.joining("; "));
        }
    }

    /** The VM carries a lock ({@code VM is locked (clone)}) until the owning task ends. */
    record Locked(String request, String lockType, String reason) implements ProxmoxFailure {
        @Override
        public boolean isTransient() {
            return true;
        }

        @Override
        public String message() {
            return request + ": VM is locked (" + lockType + "); wait for the " + lockType + " task to finish";
        }
    }

    /** A config, storage or cluster lock could not be taken in time ({@code can't lock file ... got timeout}). */
    record LockTimeout(String request, String reason) implements ProxmoxFailure {
        @Override
        public boolean isTransient() {
            return true;
        }

        @Override
        public String message() {
            return request + ": lock timeout: " + reason + " (another operation holds the lock; retry later)";
        }
    }

    /** The VM must be running for this call. */
    record VmNotRunning(String request, String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return request + ": " + reason + " (start the VM first)";
        }
    }

    /** The QEMU guest agent does not answer (yet): usual while the guest boots. */
    record AgentNotRunning(String request, String reason) implements ProxmoxFailure {
        @Override
        public boolean isTransient() {
            return true;
        }

        @Override
        public String message() {
            return request + ": " + reason + " (is qemu-guest-agent installed and started in the guest?)";
        }
    }

    /** The VM config has no {@code agent: enabled=1}; permanent until the config changes. */
    record AgentNotConfigured(String request, String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return request + ": " + reason + " (set agent=enabled=1 in the VM config)";
        }
    }

    /** A failure PVE documents as transient (502/503/504, 595/596/599, {@code got no worker upid}). */
    record Transient(String request, int status, String reason) implements ProxmoxFailure {
        @Override
        public boolean isTransient() {
            return true;
        }

        @Override
        public String message() {
            return request + ": temporary failure (HTTP " + status + "): " + reason;
        }
    }

    /** The connection failed for a call that is safe to repeat (a read, or a write never sent). */
    record Transport(String request, String reason) implements ProxmoxFailure {
        @Override
        public boolean isTransient() {
            return true;
        }

        @Override
        public String message() {
            return request + ": cannot reach the PVE API: " + reason;
        }
    }

    /** A write failed after it was sent: it may or may not have happened; re-read state before retrying. */
    record OutcomeUnknown(String request, String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return request + ": outcome unknown (" + reason + "); the change may have been applied, "
                    + "re-read the state before trying again";
        }
    }

    /** The server certificate was not trusted; {@code seenFingerprint} is its SHA-256, ready to pin. */
    record Tls(String host, Optional<String> seenFingerprint, String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return "TLS: certificate of " + host + " refused: " + reason
                    + seenFingerprint
                            .map(f -> "; it presented SHA-256 fingerprint " + f
                                    + ": if that is the node's certificate (pvenode cert info), set tls_fingerprint to it"
                                    + " or trust /etc/pve/pve-root-ca.pem")
                            .orElse("");
        }
    }

    /** The response could not be decoded into the expected shape. */
    record Decode(String request, String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return request + ": unexpected response: " + reason;
        }
    }

    /** Any other HTTP error status, with PVE's reason. */
    record HttpStatus(String request, int status, String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return request + ": HTTP " + status + ": " + reason;
        }
    }

    /** A task ended with an error exit status; {@code logTail} holds the last log lines. */
    record TaskFailed(Upid upid, String exitStatus, List<String> logTail) implements ProxmoxFailure {
        /** Copies the log. */
        public TaskFailed {
            requireNonNull(upid, "upid");
            logTail = List.copyOf(logTail);
        }

        @Override
        public String message() {
            return "task " + upid.type() + (upid.id().isEmpty() ? "" : " " + upid.id()) + " on " + upid.node()
                    + " failed: " + exitStatus;
        }
    }

    /** A task was still running at the deadline; it keeps running and can be re-attached by its UPID. */
    record TaskTimeout(Upid upid, Duration waited) implements ProxmoxFailure {
        @Override
        public String message() {
            return "task " + upid.type() + " on " + upid.node() + " still running after " + waited.toSeconds()
                    + " s; re-attach or stop it with UPID " + upid.value();
        }
    }

    /** A wait for a condition (agent, IP, unlock, status) reached its deadline. */
    record WaitTimeout(String what, Duration waited, String lastSeen) implements ProxmoxFailure {
        @Override
        public String message() {
            return "gave up waiting for " + what + " after " + waited.toSeconds() + " s (last seen: " + lastSeen + ")";
        }
    }

    /** The waiting thread was interrupted. */
    record Cancelled(String what) implements ProxmoxFailure {
        @Override
        public String message() {
            return "cancelled while " + what;
        }
    }

    /** The client configuration is unusable (unreadable CA file, bad fingerprint or base URI). */
    record Config(String reason) implements ProxmoxFailure {
        @Override
        public String message() {
            return "Proxmox client configuration: " + reason;
        }
    }
}
