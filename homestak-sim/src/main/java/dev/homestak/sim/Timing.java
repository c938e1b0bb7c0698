package dev.homestak.sim;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long simulated things take: per task type (UPID type such as {@code qmstart}), the guest's
 * boot, its agent and its SSH daemon, and PVE's config-lock wait; every duration is multiplied by
 * {@link #speedFactor()}, so {@code 0} makes everything instant and {@code 0.01} a hundred times faster.
 *
 * @param taskDurations  duration per task type; types not listed take {@link #defaultTask()}
 * @param defaultTask    duration of a task whose type is not in {@code taskDurations}
 * @param bootTime       from the end of the start task until cloud-init reports {@code done}
 * @param agentReady     from the end of the start task until the guest agent answers
 * @param sshReady       from the end of the start task until the VM's SSH server accepts connections
 * @param lockTimeout    how long an operation waits for a VM's config lock (PVE: 10 s)
 * @param speedFactor    multiplier applied to every duration above; {@code >= 0}
 */
public record Timing(
        Map<String, Duration> taskDurations,
        Duration defaultTask,
        Duration bootTime,
        Duration agentReady,
        Duration sshReady,
        Duration lockTimeout,
        double speedFactor) {

    /** Validates and copies. */
    public Timing {
        taskDurations = Map.copyOf(taskDurations);
        Objects.requireNonNull(defaultTask, "defaultTask");
        Objects.requireNonNull(bootTime, "bootTime");
        Objects.requireNonNull(agentReady, "agentReady");
        Objects.requireNonNull(sshReady, "sshReady");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (!(speedFactor >= 0) || Double.isInfinite(speedFactor)) {
            throw new IllegalArgumentException("speedFactor must be a finite number >= 0, got " + speedFactor);
        }
    }

    /** Everything happens at once: tasks finish as they are created, VMs boot as they start. */
    public static Timing instant() {
        return realistic().withSpeedFactor(0);
    }

    /** Durations in the range a small real PVE host shows for cloud-image VMs. */
    public static Timing realistic() {
        return new Timing(
                Map.of(
                        "qmcreate",
                        Duration.ofSeconds(3),
                        "qmclone",
                        Duration.ofSeconds(8),
                        "qmstart",
                        Duration.ofSeconds(2),
                        "qmstop",
                        Duration.ofSeconds(1),
                        "qmshutdown",
                        Duration.ofSeconds(4),
                        "qmreboot",
                        Duration.ofSeconds(5),
                        "qmdestroy",
                        Duration.ofSeconds(2),
                        "download",
                        Duration.ofSeconds(20)),
                Duration.ofSeconds(1),
                Duration.ofSeconds(20),
                Duration.ofSeconds(15),
                Duration.ofSeconds(18),
                Duration.ofSeconds(10),
                1.0);
    }

    /** The same timing with another speed factor. */
    public Timing withSpeedFactor(double factor) {
        return factor == speedFactor
                ? this
                : new Timing(taskDurations, defaultTask, bootTime, agentReady, sshReady, lockTimeout, factor);
    }

    /** The scaled duration of a task of the given UPID type. */
    public Duration task(String type) {
        return scaled(taskDurations.getOrDefault(type, defaultTask));
    }

    /** A duration multiplied by the speed factor. */
    public Duration scaled(Duration duration) {
        if (speedFactor == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (duration.toNanos() * speedFactor));
    }
}
