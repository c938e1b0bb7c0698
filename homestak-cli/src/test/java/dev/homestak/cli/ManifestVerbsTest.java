package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
        "homestak manifest apply|destroy|test|plan|status -H sim on the v2 fixture (no site.yaml, secrets or nodes)")
class ManifestVerbsTest {

    static final String SITE = ManifestValidateTest.SITE;

    @TempDir
    Path dir;

    String[] args(String... verbAndMore) {
        List<String> all = new java.util.ArrayList<>(List.of("manifest"));
        all.addAll(List.of(verbAndMore));
        all.addAll(List.of(
                "-H",
                "sim",
                "--site-config",
                SITE,
                "--sim-profile",
                profile().toString(),
                "--state-dir",
                dir.resolve("state").toString(),
                "--report-dir",
                dir.resolve("reports").toString()));
        return all.toArray(String[]::new);
    }

    Path profile() {
        Path file = dir.resolve("instant.yaml");
        try {
            Files.writeString(file, "timing:\n  speed: 0\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    @Test
    @DisplayName(
            "test -M n1-push passes: JSON Lines events, then upstream's result shape; reports manifest-test-n1-push")
    void testN1Push() throws IOException {
        CliRun run = CliRun.with().workingDir(dir).run(args("test", "-M", "n1-push", "--json-output"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> l.startsWith("{\"v\":1,\"type\":"));
        assertThat(lines.getLast())
                .startsWith("{\"verb\":\"test\",\"success\":true,\"duration_seconds\":")
                .contains("\"nodes\":[{\"name\":\"edge\",\"status\":\"destroyed\",\"vm_id\":99001,");
        try (var files = Files.list(dir.resolve("reports"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .hasSize(3)
                    .allMatch(n -> n.matches("\\d{8}-\\d{6}\\.manifest-test-n1-push\\.passed\\..*"));
        }
        assertThat(run.err()).contains("test n1-push on sim: passed");
    }

    @Test
    @DisplayName("apply --dry-run prints upstream's dry-run text with the plan; nothing is created")
    void dryRun() {
        CliRun run = CliRun.with().workingDir(dir).run(args("apply", "-M", "n1-push", "--dry-run"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("  DRY-RUN CREATE: n1-push / Host: sim / Pattern: flat\n"
                        + "  [0] edge: vm (root) [local] -> create\n"
                        + "      preset=vm-small image=debian-12 vmid=99001\n");
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    @DisplayName("plan and status on a fresh host: create, and the node missing")
    void planAndStatus() {
        CliRun plan = CliRun.with().workingDir(dir).run(args("plan", "-M", "n2-push"));
        CliRun status = CliRun.with().workingDir(dir).run(args("status", "-M", "n1-push"));

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("root-pve         pve   create").contains("root-pve › edge  vm    create");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out())
                .contains("NAME  TYPE  VMID   STATUS   IP  CREATED  AGE")
                .contains("edge  vm    99001  missing  -   -        -");
    }

    @Test
    @DisplayName("destroy without --yes and without a terminal refuses (exit 2); a bad --on-error is one line, exit 2")
    void refusals() {
        CliRun destroy = CliRun.with().workingDir(dir).run(args("destroy", "-M", "n1-push"));
        CliRun onError = CliRun.with().workingDir(dir).run(args("apply", "-M", "n1-push", "--on-error", "panic"));

        assertThat(destroy.exitCode()).isEqualTo(2);
        assertThat(destroy.err()).contains("add --yes");
        assertThat(onError.exitCode()).isEqualTo(2);
        assertThat(onError.err()).contains("'panic' is not an on_error mode: use stop, rollback or continue");
    }

    @Test
    @DisplayName("destroy --yes on a host without the deployment passes and removes nothing else")
    void destroyNothing() {
        CliRun run = CliRun.with().workingDir(dir).run(args("destroy", "-M", "n1-push", "--yes"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("edge: destroyed");
    }
}
