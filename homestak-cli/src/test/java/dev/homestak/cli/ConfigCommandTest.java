package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("homestak config")
class ConfigCommandTest {

    static final Path SHARED = Path.of(System.getProperty("homestak.shared", "../../shared"));
    static final String SITE = SHARED.resolve("fixtures/site-config").toString();
    static final String TOKEN = "00000000-0000-4000-8000-000000000001";
    static final String PASSWORD_HASH = "Q9JmS0fAkeHashOnlyForTests";

    @Nested
    @DisplayName("show --host")
    class Show {

        @Test
        @DisplayName("prints the merged node config with secrets masked and exits 0")
        void printsMergedConfigMasked() {
            CliRun run = CliRun.of("config", "show", "--host", "pve", "--site-config", SITE);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains(
                            "api_endpoint: https://localhost:8006",
                            "ssh_host: localhost",
                            "datastore: local-zfs",
                            "api_token: pve -> ***",
                            "root_password: ***",
                            "provisioner: tofu");
            assertThat(run.out() + run.err()).doesNotContain(TOKEN).doesNotContain(PASSWORD_HASH);
        }

        @Test
        @DisplayName("--host sim (no site-config): the built-in simulated host as a run gets it, token masked")
        void simHost(@TempDir Path dir) {
            CliRun run = CliRun.with().workingDir(dir).run("config", "show", "--host", "sim");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out())
                    .containsPattern("api_endpoint: https://127\\.0\\.0\\.1:\\d+")
                    .contains("provisioner: api")
                    .contains("***")
                    .doesNotContain("root@pam!homestak=");
        }

        @Test
        @DisplayName("an unknown host is one line listing the available hosts, exit 2")
        void unknownHost() {
            CliRun run = CliRun.of("config", "show", "--host", "nope", "--site-config", SITE);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .doesNotContain("\n")
                    .startsWith("homestak: unknown host 'nope'")
                    .contains("mother, nested-pve, pve");
            assertThat(run.out()).isEmpty();
        }

        @Test
        @DisplayName("a site-config path that does not exist is one line naming it, exit 2")
        void missingSiteConfig(@TempDir Path dir) {
            CliRun run = CliRun.of(
                    "config",
                    "show",
                    "--host",
                    "pve",
                    "--site-config",
                    dir.resolve("absent").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("homestak: ").contains("absent").doesNotContain("Exception");
        }
    }

    @Nested
    @DisplayName("resolve --env --host")
    class Resolve {

        @Test
        @DisplayName("prints the original's tfvars JSON with secrets masked")
        void masked() throws Exception {
            CliRun run = CliRun.of("config", "resolve", "--env", "test", "--host", "pve", "--site-config", SITE);

            assertThat(run.exitCode()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("api_token").asText()).isEqualTo("***");
            assertThat(json.get("root_password").asText()).isEqualTo("***");
            assertThat(json.get("vms").get(0).get("vmid").asInt()).isEqualTo(99900);
            assertThat(run.out()).doesNotContain(TOKEN);
        }

        @Test
        @DisplayName("--reveal-secrets prints exactly the tfvars the original produced")
        void revealedEqualsExpected() throws Exception {
            CliRun run = CliRun.of(
                    "config", "resolve", "--env", "test", "--host", "pve", "--site-config", SITE, "--reveal-secrets");

            ObjectMapper mapper = new ObjectMapper();
            JsonNode expected = mapper.readTree(
                    Files.readString(SHARED.resolve("fixtures/site-config-expected/test@pve.tfvars.json")));
            assertThat(run.exitCode()).isZero();
            assertThat(mapper.readTree(run.out())).isEqualTo(expected);
        }

        @Test
        @DisplayName("--host sim (no site-config): the built-in env test resolves for the simulated host")
        void simHost(@TempDir Path dir) {
            CliRun run = CliRun.with().workingDir(dir).run("config", "resolve", "--env", "test", "--host", "sim");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("99900", "\"test\"").doesNotContain("root@pam!homestak=");
        }

        @Test
        @DisplayName("an unknown env is an error naming it, exit 2")
        void unknownEnv() {
            CliRun run = CliRun.of("config", "resolve", "--env", "nope", "--host", "pve", "--site-config", SITE);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("homestak: ").contains("nope");
        }
    }
}
