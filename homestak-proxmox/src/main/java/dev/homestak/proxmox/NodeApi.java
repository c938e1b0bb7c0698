package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import dev.homestak.proxmox.model.NodeStatus;
import dev.homestak.proxmox.model.SdnObject;
import io.vavr.control.Either;
import java.util.List;

/** One cluster node, {@code /nodes/{node}}: an immutable handle; nothing is sent until a terminal call. */
public final class NodeApi {

    private final Calls calls;
    private final String node;

    NodeApi(Calls calls, String node) {
        this.calls = calls;
        this.node = requireNonNull(node, "node");
    }

    /** The node name. */
    public String name() {
        return node;
    }

    /** {@code GET /nodes/{node}/status}. */
    public Either<ProxmoxFailure, NodeStatus> status() {
        return calls.read(ApiRequest.get(List.of("nodes", node, "status")), Payloads::nodeStatus);
    }

    /** The node's QEMU VMs, {@code /nodes/{node}/qemu}. */
    public QemuApi qemu() {
        return new QemuApi(calls, node);
    }

    /** One VM on this node, {@code /nodes/{node}/qemu/{vmid}}. */
    public VmApi qemu(int vmid) {
        return new VmApi(calls, node, vmid);
    }

    /** One storage as seen from this node, {@code /nodes/{node}/storage/{storage}}. */
    public StorageApi storage(String storage) {
        return new StorageApi(calls, node, storage);
    }

    /** {@code GET /nodes/{node}/sdn/zones}: each zone's state on this node ({@code available}, {@code pending}, {@code error}). */
    public Either<ProxmoxFailure, List<SdnObject>> sdnZones() {
        return calls.read(
                ApiRequest.get(List.of("nodes", node, "sdn", "zones")),
                data -> Calls.list(data, z -> Payloads.sdn(z, "zone", "zone")));
    }

    @Override
    public String toString() {
        return "NodeApi[" + node + "]";
    }
}
