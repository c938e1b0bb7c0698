package dev.homestak.actions;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fake {@code tofu} of {@code src/test/resources/fake-tofu} installed in a temp directory: put on
 * PATH through the runner's environment, replaying one of the recorded scripts and recording its calls.
 */
final class FakeTofu {

    private final Path bin;
    private final Path record;
    private final Path scripts;

    FakeTofu(Path root) throws IOException {
        this.bin = Files.createDirectories(root.resolve("bin"));
        this.record = root.resolve("record");
        try {
            this.scripts = Path.of(Objects.requireNonNull(FakeTofu.class.getResource("/fake-tofu/tofu"))
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path tofu = bin.resolve("tofu");
        Files.copy(scripts.resolve("tofu"), tofu);
        if (!tofu.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + tofu + " executable");
        }
    }

    /** A process runner whose PATH finds this fake first and which replays {@code script}. */
    ProcessRunner runner(String script) {
        return ProcessRunner.system(env(script));
    }

    /** The environment that finds this fake first on PATH and replays {@code script}. */
    Map<String, String> env(String script) {
        return Map.of(
                "PATH",
                bin + ":" + System.getenv("PATH"),
                "FAKE_TOFU_RECORD",
                record.toString(),
                "FAKE_TOFU_SCRIPT",
                scripts.resolve(script).toString());
    }

    /** Number of recorded calls. */
    int calls() throws IOException {
        if (!Files.isDirectory(record)) {
            return 0;
        }
        try (var files = Files.list(record)) {
            return (int) files.filter(p -> p.getFileName().toString().startsWith("call-"))
                    .count();
        }
    }

    /** The argv of call {@code n} (1-based). */
    List<String> argv(int n) throws IOException {
        return Files.readAllLines(call(n).resolve("argv"));
    }

    /** One recorded item of call {@code n}: {@code cwd}, {@code tf_data_dir}, {@code tfvars.json}, {@code tfvars.mode}. */
    String recorded(int n, String item) throws IOException {
        return Files.readString(call(n).resolve(item)).strip();
    }

    private Path call(int n) {
        return record.resolve("call-" + n);
    }
}
