package dev.homestak.sim.internal;

import dev.homestak.sim.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A simulated worker task. It ends when the simulator's clock reaches {@link #dueAt()}; then its
 * work runs (under the cluster's lock) and its exit status is {@code OK} or the work's error text.
 */
final class SimTask {

    private final String upid;
    private final String node;
    private final String type;
    private final String id;
    private final String user;
    private final int pid;
    private final Instant start;
    private final Instant dueAt;
    private final TaskWork work;
    private final List<String> log = new ArrayList<>();
    private @Nullable String exitStatus;

    SimTask(String node, String type, String id, String user, int pid, Instant start, Instant dueAt, TaskWork work) {
        this.node = node;
        this.type = type;
        this.id = id;
        this.user = user;
        this.pid = pid;
        this.start = start;
        this.dueAt = dueAt;
        this.work = work;
        // UPID:<node>:<pid 8 hex>:<pstart 8 hex>:<starttime 8 hex>:<type>:<id>:<user>:
        this.upid = String.format(
                Locale.ROOT,
                "UPID:%s:%08X:%08X:%08X:%s:%s:%s:",
                node,
                pid,
                pid * 7 + 1000,
                start.getEpochSecond(),
                type,
                id,
                user);
    }

    String upid() {
        return upid;
    }

    String node() {
        return node;
    }

    String type() {
        return type;
    }

    String id() {
        return id;
    }

    Instant dueAt() {
        return dueAt;
    }

    boolean running() {
        return exitStatus == null;
    }

    /** Adds a log line (before the final TASK line). */
    void log(String line) {
        log.add(line);
    }

    /** Runs the work and records the outcome; the caller holds the cluster lock. */
    void finish() {
        if (exitStatus != null) {
            return;
        }
        Optional<String> error = work.run();
        exitStatus = error.orElse("OK");
        log.add(error.map(e -> "TASK ERROR: " + e).orElse("TASK OK"));
    }

    /**
     * Stops a running task as {@code DELETE /nodes/{node}/tasks/{upid}} does: its work never runs,
     * what its call already did is undone, and it ends with PVE's {@code interrupted by signal}.
     */
    void interrupt() {
        if (exitStatus != null) {
            return;
        }
        work.abort();
        exitStatus = "interrupted by signal";
        log.add("received interrupt");
        log.add("TASK ERROR: " + exitStatus);
    }

    /** PVE's task status object. */
    java.util.Map<String, Object> status() {
        java.util.Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("upid", upid);
        status.put("node", node);
        status.put("pid", pid);
        status.put("pstart", pid * 7 + 1000);
        status.put("starttime", start.getEpochSecond());
        status.put("type", type);
        status.put("id", id);
        status.put("user", user);
        status.put("status", running() ? "running" : "stopped");
        if (exitStatus != null) {
            status.put("exitstatus", exitStatus);
        }
        return status;
    }

    /** PVE's entry in {@code GET /nodes/{node}/tasks}: the status fields plus {@code endtime} once ended. */
    java.util.Map<String, Object> listEntry(Instant now) {
        java.util.Map<String, Object> entry = status();
        entry.remove("exitstatus");
        if (exitStatus != null) {
            entry.put(
                    "endtime",
                    Math.max(start.getEpochSecond(), Math.min(now.getEpochSecond(), dueAt.getEpochSecond())));
            entry.put("status", exitStatus);
        }
        return entry;
    }

    String user() {
        return user;
    }

    Instant start() {
        return start;
    }

    boolean failed() {
        return exitStatus != null && !exitStatus.equals("OK") && !exitStatus.startsWith("WARNINGS");
    }

    /** The log lines so far. */
    List<String> logLines() {
        return List.copyOf(log);
    }

    TaskView view() {
        return new TaskView(upid, type, id, running(), Optional.ofNullable(exitStatus));
    }
}
