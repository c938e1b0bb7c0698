package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.Ports;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioRegistry;
import dev.homestak.scenarios.ScenarioRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in-scenario example of homestak-scenarios/README.md, run against the simulator. */
@DisplayName("README: running a built-in scenario on a site-config host")
class ReadmeSimExampleTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("simple-vm-roundtrip on the host 'sim' of a site-config, env ansible-test")
    void builtInScenario() {
        try (SimSite sim = SimSite.start(dir)) {
            Path siteDir = dir.resolve("site-config");
            Path keyFile = dir.resolve("id_ecdsa");
            int sshPort = sim.sim.sshPort();
            // README: built-in
            SiteConfig site = SiteConfig.load(siteDir).get();
            HostConfig host = site.host("sim").get();
            try (ScenarioRunner runner = ScenarioRunner.builder()
                    .hostConfig(host) // endpoint, token, TLS pin, provisioner: api; secrets masked
                    .site(site) // the envs the built-in scenarios resolve, loaded once
                    .ports(Ports.builder() // only what you replace; the runner makes the rest
                            .ssh(SshClient.create(SshSettings.builder()
                                    .identityFiles(List.of(keyFile))
                                    .defaultPort(sshPort)
                                    .build()))
                            .build())
                    .reportDir(dir.resolve("reports"))
                    .build()) { // closes the Proxmox clients it created

                Scenario roundtrip =
                        ScenarioRegistry.load().find("simple-vm-roundtrip").get();
                RunReport report = runner.run(
                                roundtrip,
                                RunOptions.builder()
                                        .env("ansible-test") // --env
                                        .timeout(Duration.ofMinutes(10))
                                        .build())
                        .get();
                // README: end
                assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
                assertThat(report.facts().get(Facts.vmIpKey("deb13-test"))).isPresent();
                assertThat(sim.sim.vms()).isEmpty();
            }
        }
    }
}
