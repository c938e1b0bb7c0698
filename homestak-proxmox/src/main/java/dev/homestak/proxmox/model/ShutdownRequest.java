package dev.homestak.proxmox.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST .../status/shutdown} options.
 *
 * @param timeout how long PVE waits for the guest before giving up (or stopping it)
 * @param forceStop stop the VM when the guest does not shut down in time
 */
public record ShutdownRequest(Optional<Duration> timeout, boolean forceStop) {

    /** Validates. */
    public ShutdownRequest {
        java.util.Objects.requireNonNull(timeout, "timeout");
    }

    /** PVE's defaults: no timeout given, no force stop. */
    public static ShutdownRequest defaults() {
        return new ShutdownRequest(Optional.empty(), false);
    }

    /** A shutdown that waits {@code timeout}, then stops the VM when {@code forceStop}. */
    public static ShutdownRequest of(Duration timeout, boolean forceStop) {
        return new ShutdownRequest(Optional.of(timeout), forceStop);
    }

    /** The form fields PVE receives. */
    public List<Map.Entry<String, String>> form() {
        FormFields f = new FormFields().opt("timeout", timeout.map(Duration::toSeconds));
        return forceStop ? f.put("forceStop", true).build() : f.build();
    }
}
