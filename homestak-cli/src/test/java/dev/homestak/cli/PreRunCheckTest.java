package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors a run can know before its first phase: exit 2, one line ending "nothing was run", no write to the host. */
@DisplayName("pre-run checks: what the phases need is resolved before the first phase; an error creates nothing")
class PreRunCheckTest {

    @TempDir
    Path dir;

    Path log() {
        return dir.resolve("requests.jsonl");
    }

    /** Exit 2, one line with the fragments and "nothing was run", and the simulator saw no write. */
    void assertNothingRun(CliRun run, String... fragments) throws IOException {
        ErrorPathTest.assertOneLineError(run, fragments);
        assertThat(run.err()).contains("nothing was run");
        if (Files.exists(log())) {
            assertThat(Files.readAllLines(log()))
                    .noneMatch(l -> l.contains("\"POST\"") || l.contains("\"PUT\"") || l.contains("\"DELETE\""));
        }
    }

    CliRun sim(String... args) {
        String[] all = Stream.concat(
                        Stream.of(
                                "-H",
                                "sim",
                                "--sim-profile",
                                SimHostTest.INSTANT,
                                "--sim-request-log",
                                log().toString()),
                        Stream.of(args))
                .toArray(String[]::new);
        return CliRun.with().workingDir(dir).run(all);
    }

    @Test
    @DisplayName("an env the site does not have (-E nope): exit 2 in one line before any phase, no write")
    void unknownEnv() throws IOException {
        CliRun run = sim("-S", "simple-vm-roundtrip", "-E", "nope", "--yes");
        ErrorPathTest.assertOneLineError(run, "unknown env 'nope'", "create ");
        if (Files.exists(log())) {
            assertThat(Files.readAllLines(log())).noneMatch(l -> l.contains("\"POST\"") || l.contains("\"DELETE\""));
        }
    }

    @Test
    @DisplayName("--dry-run and --preflight find the same error")
    void dryRunAndPreflight() throws IOException {
        Path site = copySite();
        Files.writeString(
                site.resolve("vms/test.yaml"),
                Files.readString(site.resolve("vms/test.yaml")).replaceAll("(?m)^preset:.*$", "preset: huge"));
        assertNothingRun(
                sim("-S", "simple-vm-roundtrip", "--site-config", site.toString(), "--dry-run"),
                "unknown preset 'huge'");
        CliRun preflight = sim("-S", "simple-vm-roundtrip", "--site-config", site.toString(), "--preflight");
        assertThat(preflight.exitCode()).isEqualTo(2);
        assertThat(preflight.out())
                .contains("Site-config", "✗ phase ensure_image: ", "unknown preset 'huge'", "nothing was run");
    }

    @Test
    @DisplayName("--vm-id for a VM the run does not have: exit 2, names the run's VMs")
    void unknownVmIdName() throws IOException {
        assertNothingRun(
                sim("-S", "simple-vm-roundtrip", "--vm-id", "tset=99950"),
                "--vm-id names unknown VM 'tset' (VMs of this run: test)");
    }

    @Test
    @DisplayName("an env whose template names an unknown preset: exit 2 naming the file")
    void unknownPreset() throws IOException {
        Path site = copySite();
        Files.writeString(
                site.resolve("vms/test.yaml"),
                Files.readString(site.resolve("vms/test.yaml")).replaceAll("(?m)^preset:.*$", "preset: huge"));
        assertNothingRun(sim("-S", "simple-vm-roundtrip", "--site-config", site.toString()), "unknown preset 'huge'");
    }

    @Test
    @DisplayName("a report directory that cannot be written: exit 2")
    void reportDirNotWritable() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        assertNothingRun(
                sim(
                        "-S",
                        "simple-vm-roundtrip",
                        "--report-dir",
                        file.resolve("reports").toString()),
                "report directory",
                "cannot be created");
    }

    @Test
    @DisplayName("a context file that cannot be written: exit 2 before the VM is created (its facts would be lost)")
    void contextFileNotWritable() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        assertNothingRun(
                sim(
                        "-S",
                        "simple-vm-constructor",
                        "-C",
                        file.resolve("ctx.json").toString()),
                "context file",
                "the facts of the run would be lost");
    }

    @Test
    @DisplayName("a context file in a directory that does not exist, or where no file can be made (/proc): exit 2")
    void contextFileDirectoryMissingOrUnwritable() throws IOException {
        assertNothingRun(
                sim(
                        "-S",
                        "simple-vm-constructor",
                        "-C",
                        dir.resolve("nope/ctx.json").toString()),
                "context file",
                "does not exist");
        assertNothingRun(
                sim("-S", "simple-vm-constructor", "-C", "/proc/ctx.json"),
                "context file /proc/ctx.json",
                "is not writable");
    }

    private Path copySite() throws IOException {
        Path from = Path.of(ErrorPathTest.SITE);
        Path to = dir.resolve("site-config");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
