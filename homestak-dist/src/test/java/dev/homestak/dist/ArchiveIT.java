package dev.homestak.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as an operator uses it: unpacked into a temporary directory outside the source tree and
 * run with no JDK anywhere in reach ({@code PATH} holds only the few tools the launcher script needs, no
 * {@code JAVA_HOME}, a fresh {@code HOME}).
 */
@DisplayName("the release archive, unpacked outside the tree, with no JDK on PATH or in JAVA_HOME")
class ArchiveIT {

    @TempDir
    static Path unpacked;

    static Path home;
    static Path tools;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(unpacked.toRealPath().startsWith(Path.of("..").toRealPath()))
                .as("unpacked outside the source tree")
                .isFalse();
        Proc.ok(unpacked, "tar", "-xzf", Built.archive().toString());
        home = unpacked.resolve("homestak-" + Built.version());
        tools = Files.createDirectories(unpacked.resolve("tools"));
        // the launcher script needs bash, readlink and dirname; a PATH of only these holds no java
        for (String tool : List.of("bash", "readlink", "dirname")) {
            Path real = Stream.of("/usr/bin", "/bin")
                    .map(d -> Path.of(d, tool))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + tool + " in /usr/bin or /bin"));
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
    }

    /** {@code bin/homestak ARGS} in {@code work}, in an environment with no JDK. */
    static ProcessBuilder homestak(Path work, String... args) {
        List<String> command =
                new ArrayList<>(List.of(home.resolve("bin/homestak").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", tools.toString());
        env.put("HOME", work.toString());
        env.put("LANG", "C.UTF-8");
        return pb;
    }

    @Test
    @DisplayName("the main job, simple-vm-roundtrip on --host sim, passes and writes its reports")
    void mainJob(@TempDir Path work) throws Exception {
        assertThat(tools.resolve("java")).doesNotExist();
        Map<String, Long> before = snapshot(home);

        Proc r = Proc.run(homestak(work, "--scenario", "simple-vm-roundtrip", "--host", "sim"), work);

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Phase verify_ssh passed", "PASSED in ");
        assertThat(work.resolve("reports"))
                .isDirectoryContaining("glob:**.passed.json")
                .isDirectoryContaining("glob:**.passed.md");
        assertThat(snapshot(home))
                .as("the launcher writes nothing into the installation")
                .isEqualTo(before);
    }

    @Test
    @DisplayName("--version names this build's version")
    void version(@TempDir Path work) throws Exception {
        Proc r = Proc.run(homestak(work, "--version"), work);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("homestak " + Built.version());
    }

    @Test
    @DisplayName("--list-scenarios starts from the AOT cache trained at build time, though the archive moved")
    void listingUsesTheBuiltCache(@TempDir Path work) throws Exception {
        Path log = work.resolve("classes.log");
        ProcessBuilder pb = homestak(work, "--list-scenarios");
        pb.environment().put("JDK_JAVA_OPTIONS", "-Xlog:class+load:file=" + log);

        Proc r = Proc.run(pb, work);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("simple-vm-roundtrip");
        List<String> loaded = Files.readAllLines(log);
        long cached = loaded.stream()
                .filter(l -> l.contains("source: shared objects file"))
                .count();
        assertThat(cached)
                .as("classes loaded from the cache, of %s", loaded.size())
                .isGreaterThan(loaded.size() * 9L / 10);
        assertThat(loaded).anyMatch(l -> l.contains("dev.homestak.cli.FastPath") && l.contains("shared objects file"));
    }

    @Test
    @DisplayName(
            "holds the jlink runtime (no jmods, no javac), the man pages, the completion, LICENSE and THIRD-PARTY.txt")
    void layout() throws Exception {
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(home.resolve("runtime/lib/jspawnhelper"))
                .as("needed to start tofu and ansible")
                .isExecutable();
        assertThat(home.resolve("runtime/bin/javac")).doesNotExist();
        assertThat(home.resolve("runtime/jmods")).doesNotExist();
        assertThat(Files.readString(home.resolve("runtime/release"))).contains("MODULES=\"java.base");
        assertThat(home.resolve("lib/homestak-list.aot")).isNotEmptyFile();
        assertThat(home.resolve("lib/homestak-run.aot")).isNotEmptyFile();
        assertThat(Files.readString(home.resolve("lib/classpath")))
                .startsWith("lib/homestak-cli-" + Built.version() + ".jar:")
                .doesNotContain("picocli-codegen");
        assertThat(home.resolve("share/man/man1/homestak.1.gz")).isNotEmptyFile();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(home.resolve("THIRD-PARTY.txt")).content().contains("picocli", "sshj", "jackson-databind");
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/homestak")))
                .contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    @Test
    @DisplayName("the man page and the completion are generated from the CLI: every subcommand and option is in them")
    void docsFromTheModel(@TempDir Path work) throws Exception {
        String man = Proc.ok(
                        work,
                        "gzip",
                        "-dc",
                        home.resolve("share/man/man1/homestak.1.gz").toString())
                .out();
        assertThat(man)
                .startsWith("'\\\" t")
                .contains(".TH \"HOMESTAK\" \"1\"", "\\-\\-scenario", "\\-\\-list\\-scenarios", "\\-\\-sim\\-profile");
        assertThat(home.resolve("share/man/man1/homestak-sim.1.gz")).isNotEmptyFile();

        Path completion = home.resolve("share/bash-completion/completions/homestak");
        Proc loaded = Proc.ok(work, "bash", "-c", "source '" + completion + "' && complete -p homestak");
        assertThat(loaded.out()).contains("homestak");
        assertThat(completion).content().contains("--scenario", "--sim-profile", "completion", "config");
    }

    /** Every file under {@code dir} with its size and modification time. */
    static Map<String, Long> snapshot(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                files.put(dir.relativize(p) + "", Files.getLastModifiedTime(p).toMillis() * 31 + Files.size(p));
            }
        }
        return files;
    }
}
