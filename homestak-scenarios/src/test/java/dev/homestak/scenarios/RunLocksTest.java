package dev.homestak.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("run locks: a run is alive while its process holds its lock file")
class RunLocksTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("held: alive; released: not alive and the file is gone")
    void holdAndRelease() {
        RunLocks locks = RunLocks.at(dir.resolve("runs"));
        RunLocks.Held held = locks.hold("20261204-101010-abcdef").get();
        assertThat(locks.isAlive("20261204-101010-abcdef")).isTrue();
        assertThat(locks.isAlive("20261204-101010-000000")).isFalse();

        held.close();

        assertThat(locks.isAlive("20261204-101010-abcdef")).isFalse();
        assertThat(dir.resolve("runs")).isEmptyDirectory();
    }

    @Test
    @DisplayName("a lock file nobody holds (its process was killed) is a dead run; the stale file is removed")
    void staleFile() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Files.writeString(runs.resolve("20261204-101010-abcdef.lock"), "pid 1\n");

        assertThat(RunLocks.at(runs).isAlive("20261204-101010-abcdef")).isFalse();
        assertThat(runs).isEmptyDirectory();
    }

    @Test
    @DisplayName("a directory that cannot be made is one line naming the file and what to do")
    void unwritable() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "");
        assertThat(RunLocks.at(file.resolve("runs")).hold("r1").getLeft())
                .startsWith("cannot take the run lock " + file.resolve("runs/r1.lock"))
                .contains("XDG_STATE_HOME")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("the user's directory: $XDG_STATE_HOME/homestak/runs, else ~/.local/state/homestak/runs")
    void userDirectory() {
        assertThat(RunLocks.forUser(Map.of(), Path.of("/home/u")).dir())
                .isEqualTo(Path.of("/home/u/.local/state/homestak/runs"));
        assertThat(RunLocks.forUser(Map.of("XDG_STATE_HOME", "/s"), Path.of("/home/u"))
                        .dir())
                .isEqualTo(Path.of("/s/homestak/runs"));
    }
}
