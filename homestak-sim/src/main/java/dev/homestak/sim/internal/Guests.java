package dev.homestak.sim.internal;

import dev.homestak.sim.FaultKind;
import dev.homestak.sim.PowerState;
import dev.homestak.sim.Timing;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guest side of a VM's life: booting (cloud-init, agent, SSH readiness on the timing model),
 * its SSH endpoint, and the nested PVE a PVE guest serves. Called under the cluster lock.
 */
final class Guests {

    private static final Logger log = LoggerFactory.getLogger(Guests.class);
    private final PveInstance pve;

    Guests(PveInstance pve) {
        this.pve = pve;
    }

    /** The VM is now running (its start task ended): decide per-boot faults, then catch up. */
    void boot(Vm vm, Instant now) {
        vm.status = PowerState.RUNNING;
        vm.bootedAt = now;
        List<FaultKind> faults = pve.runtime().faults().onBoot(vm.vmid);
        vm.agentNeverReady = faults.contains(FaultKind.AGENT_NEVER_READY);
        vm.sshRefused = faults.contains(FaultKind.SSH_REFUSED);
        poll(vm, now);
    }

    /** Moves a running guest along: SSH up, nested PVE serving, once their time has come. */
    void poll(Vm vm, Instant now) {
        if (!vm.running() || vm.bootedAt == null || !reached(vm, timing().sshReady(), now)) {
            return;
        }
        if (vm.sshBound == null && !vm.sshRefused) {
            InetSocketAddress bound = pve.runtime()
                    .ssh()
                    .bind(pve.plan().address(vm.vmid), pve.guestOf(vm))
                    .orElse(null);
            vm.sshBound = bound;
            vm.sshRefused = bound == null; // do not retry a taken endpoint on every tick
            if (bound != null) {
                pve.behindHost().ifPresent(host -> pve.runtime().ssh().restrict(bound, java.util.Set.of(host)));
            }
        }
        if (vm.pve && (vm.nested == null || !vm.nested.serving())) {
            serveNested(vm);
        }
    }

    /** True while something about a running guest is still due. */
    boolean booting(Vm vm) {
        if (!vm.running() || vm.bootedAt == null) {
            return false;
        }
        Instant now = pve.runtime().clock().instant();
        return !cloudInitDone(vm, now)
                || (!vm.sshRefused && vm.sshBound == null)
                || (vm.pve && (vm.nested == null || !vm.nested.serving()));
    }

    /** The VM stops: SSH closes, the nested PVE (if any) stops serving, agent state is lost. */
    void halt(Vm vm) {
        vm.status = PowerState.STOPPED;
        vm.bootedAt = null;
        vm.execs.clear();
        if (vm.sshBound != null) {
            pve.runtime().ssh().unbind(vm.sshBound);
            vm.sshBound = null;
        }
        if (vm.nested != null) {
            vm.nested.halt();
        }
    }

    /** The VM is destroyed: as {@link #halt}, and its nested PVE is gone for good. */
    void destroy(Vm vm) {
        halt(vm);
        if (vm.nested != null) {
            vm.nested.close();
            pve.runtime().forget(vm.nested);
            vm.nested = null;
        }
    }

    boolean agentReady(Vm vm, Instant now) {
        return vm.running() && !vm.agentNeverReady && reached(vm, timing().agentReady(), now);
    }

    boolean cloudInitDone(Vm vm, Instant now) {
        return vm.running() && reached(vm, timing().bootTime(), now);
    }

    private void serveNested(Vm vm) {
        try {
            if (vm.nested == null) {
                vm.nested = pve.runtime().nested(vm.name(), pve.plan().address(vm.vmid), pve, pve.guestOf(vm));
            }
            vm.nested.serve();
        } catch (java.io.IOException e) {
            log.warn("nested PVE in VM {} cannot listen: {}", vm.vmid, e.getMessage());
            vm.pve = false; // give up rather than retry on every tick
        }
    }

    private boolean reached(Vm vm, java.time.Duration delay, Instant now) {
        return vm.bootedAt != null && !vm.bootedAt.plus(timing().scaled(delay)).isAfter(now);
    }

    private Timing timing() {
        return pve.runtime().timing();
    }
}
