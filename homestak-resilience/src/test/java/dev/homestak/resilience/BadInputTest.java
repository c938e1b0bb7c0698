package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * The bad-input corpus through the real {@code homestak} process: every malformed site-config, secrets file
 * and command line ends with exit code 2 and one line on stderr that names what is wrong, never a stack trace.
 */
@Order(10)
@DisplayName("bad input: malformed site-configs, secrets files and command lines")
class BadInputTest {

    static final Path FIXTURE =
            Path.of(System.getProperty("homestak.shared", "../../shared"), "fixtures", "site-config");

    /** Every tenth input also runs as a real process: the exit status and stderr of the JVM are the same. */
    static final int PROCESS_EVERY = 10;

    @TestFactory
    @DisplayName("each input exits 2 with its one-line message on stderr and nothing on stdout")
    Stream<DynamicTest> corpus() {
        Path root = Outputs.dir("bad-input");
        List<BadInput> all = all();
        assertThat(all).as("corpus size").hasSizeGreaterThanOrEqualTo(30);
        return java.util.stream.IntStream.range(0, all.size())
                .mapToObj(i -> DynamicTest.dynamicTest(
                        all.get(i).name() + (i % PROCESS_EVERY == 0 ? " (also as a process)" : ""),
                        () -> check(root, all.get(i), i % PROCESS_EVERY == 0)));
    }

    static List<BadInput> all() {
        return Stream.of(BadInputCorpus.siteConfigs(), BadInputCorpus.secretsFiles(), BadInputCorpus.commandLines())
                .flatMap(List::stream)
                .toList();
    }

    private static void check(Path root, BadInput input, boolean asProcess) throws IOException {
        Path dir = root.resolve(input.name().replaceAll("[^A-Za-z0-9]+", "-"));
        Path site = prepare(dir, input.files());
        List<String> args = input.args().stream()
                .map(a -> a.replace(BadInput.SITE, site.toString()))
                .toList();
        Path home = Files.createDirectories(dir.resolve("home"));

        var r = dev.homestak.cli.InProcessCli.run(dir, home, input.env(), args);
        Files.writeString(dir.resolve("stderr.txt"), r.err());
        expectOneLine(
                args,
                input.expected(),
                r.exitCode(),
                r.out(),
                r.err().lines().filter(l -> !l.isBlank()).toList());

        if (asProcess) {
            CliProcess.Result p = CliProcess.run(dir, input.env(), args);
            expectOneLine(args, input.expected(), p.exitCode(), p.out(), p.errLines());
        }
    }

    private static void expectOneLine(
            List<String> args, String expected, int exitCode, String out, List<String> errLines) {
        assertThat(exitCode).as("exit code of %s; stderr: %s", args, errLines).isEqualTo(2);
        assertThat(errLines)
                .as("stderr of %s", args)
                .singleElement()
                .asString()
                .startsWith("homestak: ")
                .containsPattern(expected)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(out).as("stdout of %s", args).isEmpty();
    }

    /** A copy of the fixture site-config in {@code dir/site-config} with the input's changes. */
    static Path prepare(Path dir, Map<String, String> files) {
        Path site = dir.resolve("site-config");
        try {
            Files.createDirectories(dir);
            copy(FIXTURE, site);
            for (var change : files.entrySet()) {
                Path target = change.getKey().startsWith("./")
                        ? dir.resolve(change.getKey().substring(2))
                        : site.resolve(change.getKey());
                Files.createDirectories(target.getParent());
                if (change.getValue().equals(BadInput.DIRECTORY)) {
                    Files.createDirectories(target);
                } else if (change.getValue().equals(BadInput.DELETE)) {
                    Files.deleteIfExists(target);
                } else {
                    Files.writeString(target, change.getValue());
                }
            }
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
