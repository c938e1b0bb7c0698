package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("homestak manifest validate")
class ManifestValidateTest {

    static final Path V2 = ConfigCommandTest.SHARED
            .resolve("fixtures/site-config-v2")
            .toAbsolutePath()
            .normalize();
    static final String SITE = V2.toString();
    /** The invalid corpus of homestak-core's tests. */
    static final Path CORPUS = Path.of("../homestak-core/src/test/resources/manifests/invalid")
            .toAbsolutePath()
            .normalize();

    @ParameterizedTest(name = "-M {0}")
    @ValueSource(strings = {"n1-push", "n2-push", "n3-deep"})
    @DisplayName("every push manifest of the v2 fixture is valid: exit 0, one line of summary, nothing on stderr")
    void fixtureManifestsPass(String name) {
        CliRun run = CliRun.of("manifest", "validate", "-M", name, "--site-config", SITE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .singleElement()
                .asString()
                .startsWith("OK manifest " + name + ": ")
                .endsWith("from " + V2.resolve("manifests/" + name + ".yaml"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("the summary counts nodes by type and levels")
    void summary() {
        CliRun run = CliRun.of("manifest", "validate", "-M", "n3-deep", "--site-config", SITE);

        assertThat(run.out()).startsWith("OK manifest n3-deep: 3 nodes (1 vm, 2 pve), 3 levels, from ");
    }

    @ParameterizedTest(name = "-M {0}")
    @ValueSource(strings = {"n1-pull", "n2-pull"})
    @DisplayName("the pull manifests are refused by name: exit 2, one line naming the node and the line of its mode")
    void pullRefused(String name) {
        CliRun run = CliRun.of("manifest", "validate", "-M", name, "--site-config", SITE);

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith(V2.resolve("manifests/" + name + ".yaml") + ":")
                .contains("'nodes[" + (name.equals("n1-pull") ? 0 : 1) + "].execution.mode' pull")
                .contains("of node 'edge' is not supported yet");
        assertThat(lines.get(1)).isEqualTo("homestak: manifest '" + name + "' is not valid: 1 problem");
        assertThat(run.out()).isEmpty();
    }

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @DisplayName("every manifest of the invalid corpus exits 2 with its problems, each with file:line and its key")
    void corpusRefused(Path file) throws IOException {
        CliRun run = CliRun.of("manifest", "validate", "--manifest-file", file.toString(), "--site-config", SITE);

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> expects = Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("# expect: "))
                .toList();
        List<String> lines = run.err().lines().toList();
        for (String expect : expects) {
            String[] parts = expect.substring("# expect: ".length()).split(" ", 3);
            String where = file + ":" + parts[0] + ":";
            assertThat(lines)
                    .as(expect)
                    .anySatisfy(l -> assertThat(l)
                            .startsWith(where)
                            .contains(parts[1].equals("-") ? "" : "'" + parts[1] + "'")
                            .contains(parts[2]));
        }
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Nested
    @DisplayName("sources")
    class Sources {
        @Test
        @DisplayName("-M with a path reads that file; relative paths resolve against the working directory")
        void pathFlag() {
            CliRun run = CliRun.with()
                    .workingDir(V2)
                    .run("manifest", "validate", "-M", "manifests/n1-push.yaml", "--site-config", SITE);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("OK manifest n1-push: 1 node (1 vm), 1 level");
        }

        @Test
        @DisplayName("--manifest-json validates JSON text; its problems name --manifest-json and the line")
        void json() {
            String good = "{\"schema_version\": 2, \"name\": \"j\", \"nodes\": [{\"name\": \"a\", \"type\": \"vm\","
                    + " \"preset\": \"vm-small\", \"image\": \"debian-12\", \"vmid\": 99001}]}";
            CliRun ok = CliRun.of("manifest", "validate", "--manifest-json", good, "--site-config", SITE);
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.out()).startsWith("OK manifest j: 1 node (1 vm), 1 level, from --manifest-json");

            String bad =
                    "{\"schema_version\": 2, \"name\": \"j\",\n \"nodes\": [{\"name\": \"a\", \"type\": \"lxc\"}]}";
            CliRun run = CliRun.of("manifest", "validate", "--manifest-json", bad, "--site-config", SITE);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("--manifest-json:2: 'nodes[0].type' is 'lxc', not one of vm, ct, pve");
        }

        @Test
        @DisplayName("an unknown name lists the site-config's manifests, exit 2")
        void unknownName() {
            CliRun run = CliRun.of("manifest", "validate", "-M", "n9", "--site-config", SITE);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .isEqualTo("homestak: unknown manifest 'n9' (available: n1-pull, n1-push, n2-pull, "
                            + "n2-push, n3-deep): create " + V2.resolve("manifests/n9.yaml")
                            + ", or pass a file with -M PATH");
        }

        @Test
        @DisplayName("a missing file is one line naming it, exit 2")
        void missingFile(@TempDir Path dir) {
            CliRun run = CliRun.of(
                    "manifest",
                    "validate",
                    "--manifest-file",
                    dir.resolve("nope.yaml").toString(),
                    "--site-config",
                    SITE);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .isEqualTo("homestak: " + dir.resolve("nope.yaml") + ": manifest file not found: check the path");
        }

        @Test
        @DisplayName("no source, or two, is a usage error, exit 2")
        void exactlyOneSource() {
            assertThat(CliRun.of("manifest", "validate", "--site-config", SITE).exitCode())
                    .isEqualTo(2);
            CliRun two =
                    CliRun.of("manifest", "validate", "-M", "n1-push", "--manifest-json", "{}", "--site-config", SITE);
            assertThat(two.exitCode()).isEqualTo(2);
            assertThat(two.err()).contains("mutually exclusive");
        }
    }

    @Nested
    @DisplayName("site-config")
    class SiteConfigs {
        @Test
        @DisplayName("found as ../config (upstream's new name) without --site-config")
        void discoversRenamedSibling(@TempDir Path dir) throws IOException {
            Path config = dir.resolve("config");
            copy(V2, config);
            Path work = Files.createDirectories(dir.resolve("homestak"));
            CliRun run = CliRun.with().workingDir(work).run("manifest", "validate", "-M", "n1-push");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).endsWith("from " + config.resolve("manifests/n1-push.yaml") + System.lineSeparator());
        }

        @Test
        @DisplayName("an old site.yaml key name is a one-line notice on stderr; the manifest still validates")
        void aliasNotice(@TempDir Path dir) throws IOException {
            Path config = dir.resolve("config");
            copy(V2, config);
            Files.writeString(config.resolve("site.yaml"), "defaults:\n  automation_user: ops\n");
            CliRun run = CliRun.of("manifest", "validate", "-M", "n1-push", "--site-config", config.toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.err().lines())
                    .containsExactly(
                            "homestak: notice: " + config.resolve("site.yaml")
                                    + ":2: 'defaults.automation_user' is the old name of 'vm_user': read as vm_user; rename it");
        }

        @Test
        @DisplayName("the site-config's own defs/manifest.schema.json is enforced when it has one")
        void siteSchema(@TempDir Path dir) throws IOException {
            Path config = dir.resolve("config");
            copy(V2, config);
            Path schema = config.resolve("defs/manifest.schema.json");
            Files.writeString(schema, Files.readString(schema).replace("\"minimum\": 100", "\"minimum\": 100000"));
            CliRun run = CliRun.of("manifest", "validate", "-M", "n1-push", "--site-config", config.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("n1-push.yaml:12: 'nodes[0].vmid' must be at least 100000, not 99001");
        }

        @Test
        @DisplayName("without defs/, the bundled schema is enforced")
        void bundledSchema(@TempDir Path dir) throws IOException {
            Path config = dir.resolve("config");
            copy(V2, config);
            try (Stream<Path> defs = Files.list(config.resolve("defs"))) {
                for (Path f : defs.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(config.resolve("defs"));
            Path bad = Files.writeString(
                    dir.resolve("bad.yaml"), "schema_version: 2\nname: b\nnodes:\n  - {name: a, type: vm, vmid: 5}\n");
            CliRun run = CliRun.of("manifest", "validate", "-M", bad.toString(), "--site-config", config.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith(bad + ":4: 'nodes[0].vmid' must be at least 100, not 5");
        }
    }

    @Test
    @DisplayName("manifest --help lists validate")
    void help() {
        CliRun run = CliRun.of("manifest", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("validate");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted().toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
