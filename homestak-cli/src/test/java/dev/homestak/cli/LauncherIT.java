package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./homestak} launcher from a shell, after packaging: the test scenarios come in through
 * {@code HOMESTAK_CLASSPATH_EXTRA}, as a user's own scenario jar would.
 */
@DisplayName("./homestak from a shell (real processes)")
class LauncherIT {

    static final Path LAUNCHER = Path.of("..", "homestak").toAbsolutePath().normalize();
    static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();

    @TempDir
    Path dir;

    ProcessBuilder homestak(String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("HOMESTAK_CLASSPATH_EXTRA", TEST_CLASSES.toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().remove("HOMESTAK_SITE_CONFIG");
        return pb;
    }

    record Result(int exitCode, String out, String err) {}

    Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished within 120 s").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Nested
    @DisplayName("listing")
    class Listing {

        @Test
        @DisplayName(
                "--list-scenarios prints the golden list and loads no HTTP or SSH library; the CLI itself loads no JSON library")
        void lightweight() throws Exception {
            Path classes = dir.resolve("classes.log");
            ProcessBuilder pb = homestak("--list-scenarios", "-S", "cli-hello");
            pb.environment().put("JDK_JAVA_OPTIONS", "-Xlog:class+load:file=" + classes);

            Result r = run(pb);

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo(ListingTest.golden("list-scenarios.txt"));
            String loaded = Files.readString(classes);
            assertThat(loaded)
                    .contains("dev.homestak.cli.FastPath")
                    .doesNotContain("okhttp3")
                    .doesNotContain("net.schmizz")
                    .doesNotContain("org.apache.sshd")
                    .doesNotContain("org.bouncycastle")
                    .doesNotContain("picocli.CommandLine$Model");
            // Known: building the built-in catalog initialises CreateInnerTokenAction's static ObjectMapper
            // (homestak-scenarios), which loads Jackson; nothing before the catalog may load it.
            assertThat(loaded.substring(0, loaded.indexOf("dev.homestak.scenarios.")))
                    .doesNotContain("com.fasterxml.jackson");
        }

        @Test
        @DisplayName("./run.sh is the same command")
        void runSh() throws Exception {
            ProcessBuilder pb = homestak("-S", "cli-vm-roundtrip", "--list-phases");
            pb.command().set(0, LAUNCHER.resolveSibling("run.sh").toString());

            Result r = run(pb);

            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo(ListingTest.golden("list-phases-cli-vm-roundtrip.txt"));
        }
    }

    @Nested
    @DisplayName("the build the launcher runs once")
    class Build {

        @Test
        @DisplayName("./mvnw prints no JVM warning about sun.misc.Unsafe (Maven's Guice) on a JDK 24 or newer")
        void noUnsafeWarnings() throws Exception {
            ProcessBuilder pb = new ProcessBuilder(
                            LAUNCHER.resolveSibling("mvnw").toString(), "-B", "-q", "-o", "-N", "validate")
                    .directory(LAUNCHER.getParent().toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));

            Result r = run(pb);

            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out() + r.err()).doesNotContain("sun.misc.Unsafe").doesNotContain("WARNING:");
        }
    }

    @Nested
    @DisplayName("a source tree changed since the last build (git pull, an edit)")
    class Stale {

        /**
         * A copy of the launcher in a tree of its own whose {@code ./mvnw} only records that it ran and renews the
         * build's class path file (the real CLI's), so the test sees when the launcher decides to build.
         */
        Path tree() throws IOException {
            Path tree = Files.createDirectories(dir.resolve("tree"));
            Path app = Files.createDirectories(tree.resolve("homestak-cli/target/app"));
            Files.createDirectories(tree.resolve("homestak-cli/src/main/sh"));
            Files.createDirectories(tree.resolve("homestak-core/src/main/java"));
            Files.copy(LAUNCHER, tree.resolve("homestak"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(
                    LAUNCHER.resolveSibling("homestak-cli/src/main/sh/launcher-common.sh"),
                    tree.resolve("homestak-cli/src/main/sh/launcher-common.sh"));
            Path realApp = LAUNCHER.resolveSibling("homestak-cli/target/app");
            Files.writeString(
                    tree.resolve("mvnw"),
                    "#!/bin/sh\necho built >> \"" + dir.resolve("builds") + "\"\n" + "cp \""
                            + realApp.resolve("classpath") + "\" \"" + app.resolve("classpath") + "\"\n");
            tree.resolve("mvnw").toFile().setExecutable(true);
            Files.writeString(tree.resolve("pom.xml"), "<project/>");
            Files.writeString(tree.resolve("homestak-core/src/main/java/A.java"), "class A {}");
            Files.writeString(app.resolve("jdk"), System.getProperty("java.home"));
            Files.copy(realApp.resolve("classpath"), app.resolve("classpath"));
            Files.setLastModifiedTime(
                    app.resolve("classpath"),
                    java.nio.file.attribute.FileTime.from(
                            java.time.Instant.now().plusSeconds(5)));
            return tree;
        }

        Result version(Path tree) throws Exception {
            ProcessBuilder pb = homestak("--version");
            pb.command().set(0, tree.resolve("homestak").toString());
            pb.environment().put("HOMESTAK_NO_CACHE", "1");
            return run(pb);
        }

        @Test
        @DisplayName("a build newer than every source runs as it is; a source edited after it is built first, then run")
        void rebuildsWhenASourceChanged() throws Exception {
            Path tree = tree();

            Result fresh = version(tree);
            assertThat(fresh.exitCode()).as(fresh.err()).isZero();
            assertThat(dir.resolve("builds")).doesNotExist();

            Files.setLastModifiedTime(
                    tree.resolve("homestak-core/src/main/java/A.java"),
                    java.nio.file.attribute.FileTime.from(
                            java.time.Instant.now().plusSeconds(60)));
            Result stale = version(tree);

            assertThat(stale.exitCode()).as(stale.err()).isZero();
            assertThat(stale.err()).contains("homestak-core/src/main/java/A.java changed since the last build");
            assertThat(Files.readAllLines(dir.resolve("builds"))).hasSize(1);
            assertThat(stale.out()).startsWith("homestak ");
        }
    }

    @Nested
    @DisplayName("a run on the sim host")
    class SimRun {

        @Test
        @DisplayName("a VM roundtrip on --host sim exits 0 and writes the reports (no site-config anywhere)")
        void roundtrip() throws Exception {
            Files.writeString(dir.resolve("ctx.json"), "{\"release\": \"yes\"}");

            Result r = run(homestak("--scenario", "cli-vm-roundtrip", "--host", "sim", "-C", "ctx.json"));

            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out())
                    .contains("Phase create passed", "Phase destroy passed", "PASSED in ")
                    .doesNotContain("\u001B");
            assertThat(dir.resolve("reports"))
                    .isDirectoryContaining("glob:**.passed.json")
                    .isDirectoryContaining("glob:**.passed.md")
                    .isDirectoryContaining("glob:**.passed.junit.xml");
        }

        @Test
        @DisplayName(
                "the README's main job: simple-vm-roundtrip on --host sim exits 0 with reports (once the built-in scenarios are registered)")
        void readmeMainJob() throws Exception {
            Result list = run(homestak("--list-scenarios"));
            assumeThat(list.out())
                    .as("built-in scenario simple-vm-roundtrip registered")
                    .contains("simple-vm-roundtrip");

            Result r = run(homestak("--scenario", "simple-vm-roundtrip", "--host", "sim"));

            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(dir.resolve("reports")).isDirectoryContaining("glob:**.passed.json");
        }

        @Test
        @DisplayName("SIGINT mid-run: exit 130, the report says interrupted, cleanup removed the VM from the simulator")
        void sigint() throws Exception {
            Path log = dir.resolve("requests.jsonl");
            Process p = homestak(
                            "-S", "cli-vm-roundtrip", "-H", "sim", "--json-output", "--sim-request-log", log.toString())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            List<JsonNode> events = new ArrayList<>();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    JsonNode event = RunTest.parse(line);
                    events.add(event);
                    if (event.path("type").asText().equals("progress")
                            && event.path("phase").asText().equals("hold")) {
                        new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                                .start()
                                .waitFor();
                    }
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue())
                    .as(Files.readString(dir.resolve("stderr.txt")))
                    .isEqualTo(130);
            JsonNode result = events.getLast();
            assertThat(result.get("outcome").asText()).isEqualTo("interrupted");
            assertThat(result.get("phases").get(2).get("status").asText()).isEqualTo("passed");
            Path report = dir.resolve(result.get("reports").get(0).asText());
            assertThat(Files.readString(report)).contains("\"outcome\": \"interrupted\"");
            assertThat(Files.readAllLines(log))
                    .anyMatch(
                            l -> l.contains("\"DELETE\"") && l.contains("/qemu/99901") && l.contains("\"status\":200"));
        }
    }
}
