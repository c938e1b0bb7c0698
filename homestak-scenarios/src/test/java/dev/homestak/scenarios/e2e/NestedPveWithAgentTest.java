package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.sim.OpenSshAgent;
import dev.homestak.sim.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresTool({"ssh-keygen", "ssh-agent", "ssh-add"})
@DisplayName(
        "nested-pve-roundtrip with the only key in a real ssh-agent: every hop of the jump chain signed by the agent")
class NestedPveWithAgentTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("passes through verify (test VM reached through the inner PVE) with no key file on disk")
    void roundtripThroughTheJumpChain() throws Exception {
        try (OpenSshAgent agent = OpenSshAgent.start(dir);
                SimSite site = SimSite.startWithAgent(dir, agent)) {
            assertThat(dir.resolve("id_agent")).doesNotExist();
            assertThat(Files.exists(dir.resolve("home/.ssh"))).isFalse();

            RunReport report = site.runner()
                    .run(site.registered("nested-pve-roundtrip"), RunOptions.defaults())
                    .get();

            assertThat(report.phases())
                    .allSatisfy(p -> assertThat(p.status())
                            .as(p.name() + ": " + p.message())
                            .isEqualTo(PhaseStatus.PASSED));
            assertThat(report.phases()).extracting(PhaseResult::name).contains("verify");
            assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        }
    }
}
