package dev.homestak.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code homestak} command as a real process ({@code java dev.homestak.cli.Main} on this suite's class
 * path, with the launcher's JVM options), in a directory of its own with an empty home.
 */
final class CliProcess {

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** The lines of stderr (JVM notices about the JDK itself excluded). */
        List<String> errLines() {
            return err.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("WARNING: "))
                    .toList();
        }
    }

    private CliProcess() {}

    /** Starts {@code homestak args} in {@code dir} (stdout and stderr to files there); environment {@code env} added. */
    static Process start(Path dir, Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Xss1m",
                // the suite's own logging settings (DEBUG into a file) are on this class path: the CLI's defaults
                // instead
                "-Dorg.slf4j.simpleLogger.log.dev.homestak=warn",
                "-Dorg.slf4j.simpleLogger.logFile=System.err",
                // the process's home (its ~/.ssh keys, its run locks): java takes user.home from the password file, not
                // HOME
                "-Duser.home=" + dir.resolve("home").toAbsolutePath(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.homestak.cli.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().remove("HOMESTAK_SITE_CONFIG");
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().putAll(env);
        try {
            Files.createDirectories(dir.resolve("home"));
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to the end (at most two minutes) and returns what it printed. */
    static Result run(Path dir, Map<String, String> env, List<String> args) {
        Process p = start(dir, env, args);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("homestak " + args + " did not finish within 120 s");
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(dir.resolve("stdout.txt")),
                    Files.readString(dir.resolve("stderr.txt")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
