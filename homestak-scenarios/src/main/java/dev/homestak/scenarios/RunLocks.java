package dev.homestak.scenarios;

import io.vavr.control.Either;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;

/**
 * The run lock files of this machine: a run holds {@code <dir>/<run id>.lock} (an OS file lock) while its process
 * lives, so {@code homestak cleanup} can tell a run in progress from one whose process died (kill -9, power loss)
 * and leave the live one's VMs alone. The OS releases the lock when the process ends, however it ends.
 *
 * <p>Only runs of this machine are seen: a run of another machine holds no lock here, so to this machine it is
 * not alive.
 */
public final class RunLocks {

    private final Path dir;

    private RunLocks(Path dir) {
        this.dir = dir;
    }

    /** Lock files in {@code dir} (created when the first run takes a lock). */
    public static RunLocks at(Path dir) {
        return new RunLocks(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * The user's directory for them: {@code $XDG_STATE_HOME/homestak/runs}, else {@code <home>/.local/state/homestak/runs}.
     */
    public static RunLocks forUser(Map<String, String> env, Path home) {
        String state = env.getOrDefault("XDG_STATE_HOME", "");
        Path base = state.isBlank() ? home.resolve(".local/state") : Path.of(state);
        return at(base.resolve("homestak/runs"));
    }

    /** The directory of the lock files. */
    public Path dir() {
        return dir;
    }

    /** A held run lock; closing it releases the lock and deletes its file. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock of run {@code runId} for this process (the file says which process and when, for people);
     * a problem (directory not writable) is one line.
     */
    public Either<String, Held> hold(String runId) {
        Path file = file(runId);
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Either.left("run lock " + file + " is held by another process");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since "
                            + ManagementFactory.getRuntimeMXBean().getStartTime() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return Either.right(() -> release(file, channel));
        } catch (IOException | OverlappingFileLockException e) {
            return Either.left("cannot take the run lock " + file + ": " + e.getMessage()
                    + " (make the directory writable, or set XDG_STATE_HOME)");
        }
    }

    /** True while some process of this machine holds the lock of run {@code runId}. */
    public boolean isAlive(String runId) {
        Path file = file(runId);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            Files.deleteIfExists(file); // stale: its process ended without removing it
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held in this very JVM
        } catch (IOException e) {
            return false;
        }
    }

    private Path file(String runId) {
        return dir.resolve(RunTags.normalized(runId) + ".lock");
    }

    private static void release(Path file, FileChannel channel) {
        try (channel) {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the lock goes with the channel; a file left behind is stale and removed by the next isAlive
        }
    }
}
