package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.proxmox.model.DeleteVmRequest;
import dev.homestak.proxmox.model.VmConfigUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@ProxmoxSimulator(perMethod = true)
@DisplayName("The homestak Proxmox client against the simulator")
class ClientOverSimulatorTest {

    private static ProxmoxClient client(Simulator sim) {
        return ProxmoxClient.forHost(sim.baseUri(), sim.apiToken(), Optional.of(sim.fingerprintSha256()))
                .getOrElseThrow(f -> new AssertionError(f.message()));
    }

    @Nested
    @DisplayName("a VM round trip")
    class RoundTrip {

        @Test
        @DisplayName("creates, starts, reads the agent, execs, stops and destroys a VM, pinning the fingerprint")
        void roundTrip(Simulator sim) {
            try (ProxmoxClient pve = client(sim)) {
                assertThat(pve.version().get().release()).isEqualTo("9.1");
                var node = pve.node("pve");
                var created = node.qemu()
                        .create(CreateVmRequest.builder(100)
                                .name("rt")
                                .agent(true)
                                .option("scsi0", "local-lvm:4")
                                .build())
                        .flatMap(t -> t.await(Duration.ofSeconds(10)));
                assertThat(created.isRight()).as(String.valueOf(created)).isTrue();
                var vm = node.qemu(100);
                assertThat(vm.status()
                                .start()
                                .flatMap(t -> t.await(Duration.ofSeconds(10)))
                                .isRight())
                        .isTrue();
                assertThat(vm.agent().ping().isRight()).isTrue();
                assertThat(vm.agent().networkGetInterfaces().get()).hasSize(2);
                int pid = vm.agent().exec(List.of("hostname")).get();
                assertThat(vm.agent().execStatus(pid).get().toString()).contains("rt");
                assertThat(vm.status()
                                .stop()
                                .flatMap(t -> t.await(Duration.ofSeconds(10)))
                                .isRight())
                        .isTrue();
                assertThat(vm.delete(DeleteVmRequest.thorough())
                                .flatMap(t -> t.await(Duration.ofSeconds(10)))
                                .isRight())
                        .isTrue();
                assertThat(sim.vms()).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("injected faults")
    class Faults {

        @Test
        @DisplayName("are seen as the matching ProxmoxFailure")
        void mapped(Simulator sim) {
            try (ProxmoxClient pve = client(sim)) {
                var vm = pve.node("pve").qemu(100);
                pve.node("pve")
                        .qemu()
                        .create(CreateVmRequest.builder(100).agent(true).build())
                        .flatMap(t -> t.await(Duration.ofSeconds(10)))
                        .get();

                sim.inject(FaultRule.builder(FaultKind.LOCK_TIMEOUT)
                        .method("PUT")
                        .path("/config$")
                        .build());
                assertThat(vm.setConfig(VmConfigUpdate.builder()
                                        .set("cores", "2")
                                        .build())
                                .getLeft())
                        .isInstanceOf(ProxmoxFailure.LockTimeout.class);

                sim.inject(FaultRule.builder(FaultKind.TASK_FAILURE)
                        .path("/status/start$")
                        .nth(1)
                        .message("start failed: QEMU exited with code 1")
                        .build());
                var failed = vm.status().start().flatMap(t -> t.await(Duration.ofSeconds(10)));
                assertThat(failed.getLeft()).isInstanceOf(ProxmoxFailure.TaskFailed.class);

                sim.inject(
                        FaultRule.builder(FaultKind.AGENT_NEVER_READY).vmid(100).build());
                vm.status()
                        .start()
                        .flatMap(t -> t.await(Duration.ofSeconds(10)))
                        .get();
                assertThat(vm.agent().ping().getLeft()).isInstanceOf(ProxmoxFailure.AgentNotRunning.class);

                sim.inject(
                        FaultRule.builder(FaultKind.HTTP_596).path("^/version$").build());
                ProxmoxFailure timedOut = pve.version().getLeft();
                assertThat(timedOut.message()).contains("596");

                sim.inject(FaultRule.builder(FaultKind.CONNECTION_RESET)
                        .path("^/nodes$")
                        .build());
                assertThat(pve.nodes().getLeft())
                        .isInstanceOfAny(
                                ProxmoxFailure.Transport.class,
                                ProxmoxFailure.OutcomeUnknown.class,
                                ProxmoxFailure.Transient.class);
                assertThat(sim.faultCount(FaultKind.LOCK_TIMEOUT)).isPositive();
            }
        }
    }
}
