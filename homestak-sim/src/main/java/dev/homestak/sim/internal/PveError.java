package dev.homestak.sim.internal;

import java.util.Map;

/**
 * The simulated server's equivalent of a Perl {@code die} in a PVE API handler: it unwinds to the
 * router, which answers with {@code status}, the first line of {@code reason} in the status line,
 * and PVE's error body. It never escapes the simulator.
 */
final class PveError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> errors;

    private PveError(int status, String reason, Map<String, String> errors) {
        super(reason, null, false, false);
        this.status = status;
        this.errors = Map.copyOf(errors);
    }

    /** A handler error: HTTP 500 with the given reason, as PVE answers every {@code die}. */
    static PveError of(String reason) {
        return new PveError(500, reason, Map.of());
    }

    /** An error with an explicit status. */
    static PveError status(int status, String reason) {
        return new PveError(status, reason, Map.of());
    }

    /** PVE's 400 {@code Parameter verification failed.} with the per-parameter messages. */
    static PveError params(Map<String, String> errors) {
        return new PveError(400, "Parameter verification failed.", errors);
    }

    /** PVE's 400 for one parameter. */
    static PveError param(String name, String message) {
        return params(Map.of(name, message));
    }

    /** The message PVE gives for a VM that does not exist on the node. */
    static PveError noSuchVm(String node, int vmid) {
        return of("Configuration file 'nodes/" + node + "/qemu-server/" + vmid + ".conf' does not exist");
    }

    /** The message PVE gives when a VM's config lock cannot be taken in time. */
    static String lockTimeoutText(int vmid) {
        return "can't lock file '/var/lock/qemu-server/lock-" + vmid + ".conf' - got timeout";
    }

    int status() {
        return status;
    }

    Map<String, String> errors() {
        return errors;
    }
}
