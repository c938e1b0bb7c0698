package dev.homestak.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homestak.core.manifest.Manifest;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.PowerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("kill -9 during apply (a real process)")
class KillNineTest {

    @TempDir
    Path dir;

    SimDeploy site;
    Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    @DisplayName("the killed apply left a half-built deployment; apply finishes it; destroy leaves 0 VMs")
    void resumesAfterKill() throws Exception {
        // node4's start hangs (30 s): the child is killed while node4 is half-built and others are done
        site = SimDeploy.start(
                dir,
                b -> b.fault(FaultRule.builder(FaultKind.SLOW_RESPONSE)
                        .method("POST")
                        .path("/qemu/99904/status/start$")
                        .delay(Duration.ofSeconds(30))
                        .build()));
        Manifest m = site.flat("crash", 6, 99900);
        Path state = dir.resolve("state");
        Path stateFile = state.resolve("sim/crash.json");
        String java = ProcessHandle.current().info().command().orElse("java");
        child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KillNineChild.class.getName(),
                        site.siteDir.toString(),
                        state.toString(),
                        dir.resolve("crash.yaml").toString(),
                        site.keyFile.toString(),
                        String.valueOf(site.sim.sshPort()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            String written = Files.readString(stateFile);
            return written.contains("\"status\" : \"completed\"")
                    && written.matches("(?s).*\"node4\" : \\{[^}]*\"vm_id\" : 99904.*");
        });
        assertThat(child.toHandle().destroyForcibly()).isTrue(); // SIGKILL on Unix: kill -9
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(site.sim.vm(99904).orElseThrow().status()).isNotEqualTo(PowerState.RUNNING);
        site.sim.clearFaults();

        ManifestRunner runner = site.runner();
        Plan plan = runner.plan(m).get();
        ManifestResult resumed =
                runner.run(Verb.APPLY, m, ManifestOptions.defaults()).get();

        assertThat(plan.node("node4").orElseThrow().action()).isIn(NodeAction.REPLACE, NodeAction.CREATE);
        assertThat(plan.count(NodeAction.KEEP)).isGreaterThanOrEqualTo(1);
        assertThat(resumed.success())
                .as(resumed.report().failureSummary().orElse(""))
                .isTrue();
        assertThat(site.sim.vms()).hasSize(6).allMatch(vm -> vm.status() == PowerState.RUNNING);
        assertThat(runner.plan(m).get().upToDate()).isTrue();

        ManifestResult destroyed =
                runner.run(Verb.DESTROY, m, ManifestOptions.defaults()).get();
        assertThat(destroyed.success()).isTrue();
        assertThat(site.sim.vms()).isEmpty();
        assertThat(stateFile).doesNotExist();
    }
}
