package dev.homestak.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A finished process: exit code and output. */
record Proc(int exitCode, String out, String err) {

    /** Runs {@code pb} to its end (at most 180 s), its output in files under {@code dir}. */
    static Proc run(ProcessBuilder pb, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        Process p = pb.redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS))
                .as("%s finished within 180 s", pb.command())
                .isTrue();
        Proc proc = new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return proc;
    }

    /** Runs {@code command} in {@code dir} and requires exit code 0. */
    static Proc ok(Path dir, String... command) throws IOException, InterruptedException {
        Proc proc = run(new ProcessBuilder(List.of(command)).directory(dir.toFile()), dir);
        assertThat(proc.exitCode())
                .as("%s: %s", String.join(" ", command), proc.err())
                .isZero();
        return proc;
    }
}
