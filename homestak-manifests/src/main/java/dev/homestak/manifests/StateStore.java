package dev.homestak.manifests;

import io.vavr.control.Either;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where deployments keep their state: {@code <dir>/<host>/<manifest>.json}, written atomically (temp file, then
 * rename), and {@code <dir>/<host>/<manifest>.lock}, an OS file lock held by the one process that applies,
 * destroys or tests the deployment (released by the OS if that process dies, even by {@code kill -9}).
 */
public final class StateStore {

    private final Path dir;

    private StateStore(Path dir) {
        this.dir = dir;
    }

    /** A store in {@code dir}. */
    public static StateStore at(Path dir) {
        return new StateStore(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * The user's state directory: {@code $XDG_STATE_HOME/homestak/manifests}, else
     * {@code ~/.local/state/homestak/manifests}.
     */
    public static StateStore userDefault(Map<String, String> environment, Path home) {
        String xdg = environment.getOrDefault("XDG_STATE_HOME", "");
        Path base = xdg.isBlank() ? home.resolve(".local").resolve("state") : Path.of(xdg);
        return at(base.resolve("homestak").resolve("manifests"));
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** The state file of {@code d}. */
    public Path file(Deployment d) {
        return dir.resolve(Deployment.slug(d.host())).resolve(Deployment.slug(d.manifest()) + ".json");
    }

    /** The deployment's state, empty when it has none (never applied, or destroyed). */
    public Either<ManifestFailure, Optional<DeploymentState>> read(Deployment d) {
        Path file = file(d);
        try {
            return StateJson.parse(Files.readString(file, StandardCharsets.UTF_8))
                    .<ManifestFailure>mapLeft(problem -> new ManifestFailure.State(
                            file,
                            problem + "; fix or delete the file " + "(VMs are still found by their tag " + d.tag()
                                    + ")"))
                    .map(Optional::of);
        } catch (NoSuchFileException e) {
            return Either.right(Optional.empty());
        } catch (IOException e) {
            return Either.left(new ManifestFailure.State(file, "cannot read: " + e.getMessage()));
        }
    }

    /**
     * Takes the deployment's lock for {@code verb}; refuses, naming the holder, when another process (or another
     * run in this one) holds it.
     */
    public Either<ManifestFailure, StateLock> lock(Deployment d, String verb) {
        Path lockFile = dir.resolve(Deployment.slug(d.host())).resolve(Deployment.slug(d.manifest()) + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String holder =
                        Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                return Either.left(new ManifestFailure.Locked(
                        d.manifest(), d.host(), lockFile, holder.isEmpty() ? "another process" : holder));
            }
            ProcessHandle me = ProcessHandle.current();
            String holder = "pid " + me.pid() + " (manifest " + verb + ", since " + Instant.now() + ")";
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return Either.right(new StateLock(this, d, channel, lock));
        } catch (IOException e) {
            return Either.left(new ManifestFailure.State(lockFile, "cannot lock: " + e.getMessage()));
        }
    }

    /** Writes {@code state} atomically. */
    Either<ManifestFailure, Path> write(Deployment d, DeploymentState state) {
        Path file = file(d);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, StateJson.render(state), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Either.right(file);
        } catch (IOException e) {
            return Either.left(new ManifestFailure.State(file, "cannot write: " + e.getMessage()));
        }
    }

    /** Removes the state of {@code d} (after a complete destroy). */
    Either<ManifestFailure, Boolean> delete(Deployment d) {
        Path file = file(d);
        try {
            return Either.right(Files.deleteIfExists(file));
        } catch (IOException e) {
            return Either.left(new ManifestFailure.State(file, "cannot delete: " + e.getMessage()));
        }
    }
}
