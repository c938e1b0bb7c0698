package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pre-flight: the external tools a scenario's phases run")
class PreflightToolsTest {

    @Test
    @DisplayName("a playbook scenario needs ansible-playbook: found on PATH, its version is shown")
    void found(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path tool = Files.writeString(
                bin.resolve("ansible-playbook"), "#!/bin/sh\necho 'ansible-playbook [core 2.99.1]'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        CliRun run = CliRun.with().env("PATH", bin.toString()).run("--preflight", "-S", "pve-configure", "--local");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains(
                        "Tools",
                        "✓ ansible-playbook ansible-playbook [core 2.99.1] (" + tool + ")",
                        "All checks passed.");
    }

    @Test
    @DisplayName("not on PATH: ✗ with what to do; before a run, the run is refused with exit 2")
    void missing(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        CliRun check = CliRun.with().env("PATH", empty.toString()).run("--preflight", "-S", "pve-configure", "--local");
        CliRun run = CliRun.with().env("PATH", empty.toString()).workingDir(dir).run("-S", "pve-configure", "--local");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out())
                .contains("✗ ansible-playbook not found on PATH; install it (scenario pve-configure runs it)");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Pre-flight validation failed:", "✗ ansible-playbook not found on PATH");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    @DisplayName("--skip-preflight runs anyway (and the phase fails for want of the tool)")
    void skipped(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        CliRun run = CliRun.with()
                .env("PATH", empty.toString())
                .workingDir(dir)
                .run("-S", "pve-configure", "--local", "--skip-preflight");

        assertThat(run.err()).doesNotContain("Pre-flight");
        assertThat(run.out()).contains("Running phase: pve_setup");
    }
}
