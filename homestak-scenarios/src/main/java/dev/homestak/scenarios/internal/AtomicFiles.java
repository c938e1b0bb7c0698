package dev.homestak.scenarios.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that readers see complete or not at all: content goes to a temporary file in the same directory,
 * which is then renamed (or linked) into place.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes (or replaces) {@code target} atomically. */
    public static void write(Path target, String content) throws IOException {
        Path temp = temp(target, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes {@code target} atomically only if it does not exist yet; false (and nothing written) if it does.
     * A hard link is created from the finished temporary file, which fails atomically when the name is taken,
     * so two runs racing for the same report name cannot overwrite each other.
     */
    public static boolean writeNew(Path target, String content) throws IOException {
        Path temp = temp(target, content);
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            // file systems without hard links: check-then-move, racy only across processes
            if (Files.exists(target)) {
                return false;
            }
            Files.move(temp, target);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path temp(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        return temp;
    }
}
