package dev.homestak.proxmox;

import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.proxmox.model.VmSummary;
import io.vavr.control.Either;
import java.util.List;

/** The VMs of one node, {@code /nodes/{node}/qemu}. */
public final class QemuApi {

    private final Calls calls;
    private final String node;

    QemuApi(Calls calls, String node) {
        this.calls = calls;
        this.node = node;
    }

    /** {@code GET /nodes/{node}/qemu}. */
    public Either<ProxmoxFailure, List<VmSummary>> list() {
        return calls.read(ApiRequest.get(List.of("nodes", node, "qemu")), data -> Calls.list(data, Payloads::vm));
    }

    /**
     * {@code POST /nodes/{node}/qemu}: creates a VM; the returned {@code qmcreate} task does the work.
     * A taken id fails at once with {@link ProxmoxFailure.AlreadyExists}.
     */
    public Either<ProxmoxFailure, Task> create(CreateVmRequest request) {
        return calls.task(Calls.request("POST", List.of("nodes", node, "qemu"), request.form()));
    }
}
