package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pve-configure and bootstrap-install against simulated VMs (playbooks and installer stood in)")
class HostScenariosTest {

    @TempDir
    Path dir;

    SimSite site;
    RunReport vm;

    @BeforeEach
    void startWithAVm() {
        site = SimSite.start(dir);
        vm = site.runner()
                .run(
                        site.scenario("simple-vm-constructor"),
                        RunOptions.builder()
                                .contextFile(dir.resolve("vm.ctx.json"))
                                .build())
                .get();
        assertThat(vm.outcome()).isEqualTo(RunOutcome.PASSED);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Nested
    @DisplayName("pve-configure")
    class PveConfigure {

        @Test
        @DisplayName("remote: pve-setup then user run against remote_ip, which must be a PVE")
        void remote() {
            int id = vm.facts().get(Facts.vmIdKey("test")).orElseThrow();
            site.sim.markPveInstalled(id);
            String ip = vm.facts().get(Facts.VM_IP).orElseThrow();

            RunReport report = site.runner()
                    .run(
                            site.registered("pve-configure"),
                            RunOptions.builder()
                                    .initialFacts(Facts.empty().with(Facts.REMOTE_IP, ip))
                                    .build())
                    .get();

            assertThat(report.phases())
                    .extracting(PhaseResult::status)
                    .containsExactly(PhaseStatus.PASSED, PhaseStatus.PASSED);
            assertThat(site.standIns.plays())
                    .containsExactly("playbooks/pve-setup.yml@" + ip, "playbooks/user.yml@" + ip);
        }

        @Test
        @DisplayName("remote on a plain Debian VM: pve_setup fails naming the check, user is not run")
        void notAPve() {
            String ip = vm.facts().get(Facts.VM_IP).orElseThrow();

            RunReport report = site.runner()
                    .run(
                            site.registered("pve-configure"),
                            RunOptions.builder()
                                    .initialFacts(Facts.empty().with(Facts.REMOTE_IP, ip))
                                    .build())
                    .get();

            assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(report.phases().get(0).message())
                    .contains("pve-setup.yml stand-in")
                    .contains("pveproxy")
                    .contains(ip);
            assertThat(report.phases().get(1).status()).isEqualTo(PhaseStatus.NOT_RUN);
        }

        @Test
        @DisplayName("local: without remote_ip both playbooks run on this machine")
        void local() {
            RunReport report = site.runner()
                    .run(site.registered("pve-configure"), RunOptions.defaults())
                    .get();

            assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
            assertThat(site.standIns.plays())
                    .containsExactly("playbooks/pve-setup.yml@localhost", "playbooks/user.yml@localhost");
        }
    }

    @Nested
    @DisplayName("bootstrap-install")
    class BootstrapInstall {

        @Test
        @DisplayName("reads vm_ip from the constructor's context file, installs, verifies install and user")
        void fromContextFile() {
            RunReport report = site.runner()
                    .run(
                            site.registered("bootstrap-install"),
                            RunOptions.builder()
                                    .contextFile(dir.resolve("vm.ctx.json"))
                                    .initialFacts(Facts.empty().with(Facts.HOMESTAK_USER, "homestak"))
                                    .build())
                    .get();

            assertThat(report.phases())
                    .allSatisfy(p -> assertThat(p.status())
                            .as(p.name() + ": " + p.message())
                            .isEqualTo(PhaseStatus.PASSED));
            assertThat(report.phases().get(2).message()).isEqualTo("User homestak exists with passwordless sudo");
            assertThat(site.standIns.installedHosts())
                    .containsExactly(vm.facts().get(Facts.VM_IP).orElseThrow());
        }

        @Test
        @DisplayName("without the installer having run, verify_install fails with the shell's answer")
        void notInstalled() {
            RunReport report = site.runner()
                    .run(
                            site.registered("bootstrap-install"),
                            RunOptions.builder()
                                    .contextFile(dir.resolve("vm.ctx.json"))
                                    .skip("run_bootstrap")
                                    .build())
                    .get();

            assertThat(report.phases())
                    .extracting(PhaseResult::status)
                    .containsExactly(PhaseStatus.SKIPPED, PhaseStatus.FAILED, PhaseStatus.NOT_RUN);
            assertThat(report.phases().get(1).message())
                    .contains("'homestak status'")
                    .contains("command not found");
        }

        @Test
        @DisplayName("without vm_ip the first phase fails with the original's message")
        void noVmIp() {
            RunReport report = site.runner()
                    .run(site.registered("bootstrap-install"), RunOptions.defaults())
                    .get();

            assertThat(report.phases().get(0).message()).isEqualTo("No vm_ip in context");
        }
    }
}
