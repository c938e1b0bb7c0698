package dev.homestak.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds external tools on {@code PATH} and asks them their version. */
final class Tools {

    private final Map<String, String> env;

    Tools(Map<String, String> env) {
        this.env = env;
    }

    /** The first line of {@code tool --version} ({@code tofu version}), or empty when it is not on PATH. */
    Optional<String> version(String tool) {
        Optional<Path> exe = find(tool);
        if (exe.isEmpty()) {
            return Optional.empty();
        }
        String flag = tool.equals("tofu") ? "version" : "--version";
        try {
            Process p = new ProcessBuilder(exe.get().toString(), flag)
                    .redirectErrorStream(true)
                    .start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                String first = out.lines().findFirst().orElse("").strip();
                return Optional.of(first.isEmpty() ? "(" + exe.get() + ")" : first + " (" + exe.get() + ")");
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The executable {@code tool} in a {@code PATH} directory. */
    Optional<Path> find(String tool) {
        return Arrays.stream(env.getOrDefault("PATH", "").split(":"))
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d).resolve(tool))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
