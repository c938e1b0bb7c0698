package dev.homestak.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a third-party tool as a real process with a deadline, collecting its combined output. */
record ExternalProcess(int exitCode, String output) {

    static ExternalProcess run(List<String> argv, Map<String, String> env, Path dir, long timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            // the output is read on its own thread so a chatty tool cannot block on a full pipe
            var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "(output unreadable: " + e.getMessage() + ")";
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ExternalProcess(-1, "timed out after " + timeoutSeconds + " s\n" + output.getNow(""));
            }
            return new ExternalProcess(p.exitValue(), output.join());
        } catch (IOException e) {
            return new ExternalProcess(-1, "cannot start " + argv.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExternalProcess(-1, "interrupted");
        }
    }

    /** Whether a command exits 0 (tool detection). */
    static boolean succeeds(List<String> argv) {
        return run(argv, Map.of(), Path.of("."), 60).exitCode() == 0;
    }
}
