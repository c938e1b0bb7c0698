package dev.homestak.proxmox;

import dev.homestak.proxmox.model.CloneVmRequest;
import dev.homestak.proxmox.model.DeleteVmRequest;
import dev.homestak.proxmox.model.VmConfig;
import dev.homestak.proxmox.model.VmConfigUpdate;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One QEMU VM, {@code /nodes/{node}/qemu/{vmid}}: an immutable handle. */
public final class VmApi {

    private final Calls calls;
    private final String node;
    private final int vmid;

    VmApi(Calls calls, String node, int vmid) {
        this.calls = calls;
        this.node = node;
        this.vmid = vmid;
    }

    /** The VM id. */
    public int vmid() {
        return vmid;
    }

    /** The node the VM is addressed on. */
    public String node() {
        return node;
    }

    /** {@code GET .../config} (pending changes applied, as PVE shows by default). */
    public Either<ProxmoxFailure, VmConfig> config() {
        return calls.read(ApiRequest.get(path("config")), Payloads::vmConfig);
    }

    /** {@code PUT .../config}: a synchronous change (metadata, cloud-init, CPU, memory). */
    public Either<ProxmoxFailure, Done> setConfig(VmConfigUpdate update) {
        return calls.done(Calls.request("PUT", path("config"), update.form()));
    }

    /** {@code POST .../config}: an asynchronous change (disks, hotplug); a {@code qmconfig} task. */
    public Either<ProxmoxFailure, Task> updateConfig(VmConfigUpdate update) {
        return calls.task(Calls.request("POST", path("config"), update.form()));
    }

    /** {@code POST .../clone}: a {@code qmclone} task; do not touch the new VM until it ends. */
    public Either<ProxmoxFailure, Task> cloneTo(CloneVmRequest request) {
        return calls.task(Calls.request("POST", path("clone"), request.form()));
    }

    /** {@code PUT .../resize}: grows {@code disk} ({@code scsi0}) to {@code size} ({@code 32G} or {@code +10G}). */
    public Either<ProxmoxFailure, Task> resize(String disk, String size) {
        return calls.task(Calls.request(
                "PUT", path("resize"), List.of(java.util.Map.entry("disk", disk), java.util.Map.entry("size", size))));
    }

    /** {@code DELETE /nodes/{node}/qemu/{vmid}?purge=&destroy-unreferenced-disks=}: a {@code qmdestroy} task. */
    public Either<ProxmoxFailure, Task> delete(DeleteVmRequest request) {
        return calls.task(Calls.request("DELETE", path(), request.form()));
    }

    /** Power state and power operations, {@code .../status}. */
    public VmStatusApi status() {
        return new VmStatusApi(calls, path("status"));
    }

    /** The QEMU guest agent, {@code .../agent}. */
    public AgentApi agent() {
        return new AgentApi(calls, path("agent"));
    }

    /** Waits for the agent and the guest's first global IPv4 address. */
    public Either<ProxmoxFailure, String> awaitIpv4(Duration timeout) {
        return new VmWaits(calls, this).ipv4(timeout);
    }

    /** Waits until the agent answers {@code ping}. */
    public Either<ProxmoxFailure, Done> awaitAgent(Duration timeout) {
        return new VmWaits(calls, this).agent(timeout);
    }

    /** Waits until the config carries no lock ({@code clone}, {@code create}, ...). */
    public Either<ProxmoxFailure, Done> awaitUnlocked(Duration timeout) {
        return new VmWaits(calls, this).unlocked(timeout);
    }

    /** Waits until {@code status/current} reports {@code status} ({@code running}, {@code stopped}). */
    public Either<ProxmoxFailure, Done> awaitStatus(String status, Duration timeout) {
        return new VmWaits(calls, this).status(status, timeout);
    }

    private List<String> path(String... more) {
        List<String> p = new ArrayList<>(List.of("nodes", node, "qemu", Integer.toString(vmid)));
        p.addAll(List.of(more));
        return p;
    }

    @Override
    public String toString() {
        return "VmApi[" + node + "/" + vmid + "]";
    }
}
