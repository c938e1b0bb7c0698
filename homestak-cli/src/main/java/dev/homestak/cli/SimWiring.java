package dev.homestak.cli;

import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.EnsurePVEAction;
import dev.homestak.actions.PlaybookStandIn;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.proxmox.TlsPolicy;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.VmView;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * What actions need to work against the embedded simulator besides its host config: clients that trust a
 * nested simulated PVE by its certificate's fingerprint and find it on the simulator's API port, and the
 * stand-in for the {@code pve-install} playbook (the simulator turns the VM into a nested PVE).
 */
final class SimWiring {

    private SimWiring() {
    }

    /** Proxmox clients for the simulator and its nested PVEs. */
    static ProxmoxClients clients(Simulator sim) {
        return ProxmoxClients.builder()
                .nestedPort(sim.port())
                .nestedTls(address -> vmAt(sim, address).flatMap(v -> sim.nested(v.vmid()))
                        .map(n -> TlsPolicy.pinnedSha256(n.fingerprintSha256()))
                        .orElseGet(TlsPolicy::systemTrust))
                .build();
    }

    /** The playbook whose effect the simulator models. */
    static String pveInstallPlaybook() {
        return EnsurePVEAction.PLAYBOOK;
    }

    /** {@code pve-install}: marks the VM at the play's target address as a PVE host. */
    static PlaybookStandIn pveInstall(Simulator sim) {
        return (run, ctx) -> {
            Optional<VmView> vm = run.host().flatMap(address -> vmAt(sim, address));
            if (vm.isEmpty()) {
                return Either.left(new ActionFailure.Precondition("simulated " + run.playbook() + ": no VM at "
                        + run.host().orElse("localhost")));
            }
            return sim.markPveInstalled(vm.get().vmid())
                    .<ActionFailure>mapLeft(f -> new ActionFailure.Precondition(f.message()))
                    .map(v -> ActionResult.of("simulated " + run.playbook() + " on VM " + v.vmid()));
        };
    }

    private static Optional<VmView> vmAt(Simulator sim, String address) {
        return sim.vms().stream().filter(v -> v.address().equals(address)).findFirst();
    }
}
