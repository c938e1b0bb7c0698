package dev.homestak.proxmox;

import dev.homestak.proxmox.model.IpAddress;
import dev.homestak.proxmox.model.NetworkInterface;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The slow parts of a VM's life, as deadline-bounded polls: agent up, a real IPv4, lock released,
 * a power state reached (bpg's {@code WaitForNetworkInterfacesFromVMAgent} and
 * {@code WaitForVMConfigUnlock} are the model).
 */
final class VmWaits {

    private final Waiter waiter;
    private final VmApi vm;

    VmWaits(Calls calls, VmApi vm) {
        this.waiter = new Waiter(calls.transport());
        this.vm = vm;
    }

    Either<ProxmoxFailure, Done> agent(Duration timeout) {
        return waiter.until(
                "the guest agent of VM " + vm.vmid(),
                timeout,
                () -> vm.agent().ping().map(Waiter.Probe::done),
                VmWaits::agentNotReady);
    }

    Either<ProxmoxFailure, String> ipv4(Duration timeout) {
        return waiter.until(
                "a global IPv4 address on VM " + vm.vmid(),
                timeout,
                () -> vm.agent().networkGetInterfaces().map(VmWaits::firstGlobalIpv4),
                VmWaits::agentNotReady);
    }

    Either<ProxmoxFailure, Done> unlocked(Duration timeout) {
        return waiter.until(
                "VM " + vm.vmid() + " to be unlocked",
                timeout,
                () -> vm.status()
                        .current()
                        .map(s -> s.lock().isPresent()
                                ? Waiter.Probe.<Done>notYet("lock " + s.lock().get())
                                : Waiter.Probe.done(Done.DONE)),
                ProxmoxFailure::isTransient);
    }

    Either<ProxmoxFailure, Done> status(String wanted, Duration timeout) {
        return waiter.until(
                "VM " + vm.vmid() + " to be " + wanted,
                timeout,
                () -> vm.status()
                        .current()
                        .map(s -> s.status().equals(wanted)
                                ? Waiter.Probe.done(Done.DONE)
                                : Waiter.Probe.<Done>notYet("status " + s.status())),
                ProxmoxFailure::isTransient);
    }

    static Waiter.Probe<String> firstGlobalIpv4(List<NetworkInterface> interfaces) {
        Optional<String> ip = NetworkInterface.reachableIpv4(interfaces);
        return ip.map(Waiter.Probe::done)
                .orElseGet(() -> Waiter.Probe.notYet(
                        interfaces.isEmpty()
                                ? "no interfaces"
                                : "only "
                                        + interfaces.stream()
                                                .flatMap(i -> i.addresses().stream())
                                                .map(IpAddress::address)
                                                .toList()));
    }

    /** While the guest boots the agent is absent, slow, or the VM not yet up (PVE answers 400 or 500). */
    static boolean agentNotReady(ProxmoxFailure f) {
        return switch (f) {
            case ProxmoxFailure.AgentNotRunning a -> true;
            case ProxmoxFailure.VmNotRunning v -> true;
            case ProxmoxFailure.ParameterInvalid p -> true;
            default -> f.isTransient();
        };
    }
}
