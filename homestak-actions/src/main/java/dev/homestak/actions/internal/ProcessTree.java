package dev.homestak.actions.internal;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a running process the way a terminal's Ctrl-C would, then for good.
 *
 * <p>{@link ProcessHandle} can only send SIGTERM ({@code destroy}) or SIGKILL ({@code destroyForcibly}),
 * and there is no other JDK API for signals. Tools expect SIGINT as "stop gracefully": tofu persists
 * its state and releases the lock on the first interrupt and gives up on the second, ansible finishes
 * with exit 99. So exactly one SIGINT is sent with the {@code kill -INT <pid>} command; only when the
 * process has not exited after the grace period is the whole tree (descendants first) killed.
 */
final class ProcessTree {

    private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);

    private ProcessTree() {}

    /** SIGINT once, wait up to {@code grace}, then SIGKILL the tree; returns when the process is gone. */
    static void stop(Process process, Duration grace) {
        // descendants are collected before the signal: once the parent exits they are re-parented and lost
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        interrupt(process.pid());
        boolean exited = waitFor(process, grace);
        tree.addAll(process.descendants().toList());
        if (!exited) {
            log.debug("pid {} still running {} after SIGINT; killing its process tree", process.pid(), grace);
        }
        // children left behind by a parent that did exit are killed too: they would hold the output pipes
        tree.forEach(ProcessHandle::destroyForcibly);
        if (!exited) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(10));
        }
    }

    private static void interrupt(long pid) {
        File kill = new File("/bin/kill");
        String program = kill.canExecute() ? kill.getPath() : "kill";
        try {
            Process signaller = new ProcessBuilder(program, "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!signaller.waitFor(5, TimeUnit.SECONDS)) {
                signaller.destroyForcibly();
            }
        } catch (java.io.IOException e) {
            log.warn(
                    "cannot run 'kill -INT {}' ({}); the process will be killed after the grace period",
                    pid,
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitFor(Process process, Duration limit) {
        try {
            return process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // keep stopping the process; the caller sees the flag again
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
