package dev.homestak.proxmox;

import dev.homestak.proxmox.model.ShutdownRequest;
import dev.homestak.proxmox.model.VmStatus;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;

/** A VM's power state and operations, {@code /nodes/{node}/qemu/{vmid}/status}. */
public final class VmStatusApi {

    private final Calls calls;
    private final List<String> path;

    VmStatusApi(Calls calls, List<String> path) {
        this.calls = calls;
        this.path = List.copyOf(path);
    }

    /** {@code GET .../status/current}. */
    public Either<ProxmoxFailure, VmStatus> current() {
        return calls.read(ApiRequest.get(sub("current")), Payloads::vmStatus);
    }

    /** {@code POST .../status/start}: a {@code qmstart} task (fails with "already running" if it runs). */
    public Either<ProxmoxFailure, Task> start() {
        return calls.task(Calls.request("POST", sub("start"), List.of()));
    }

    /** {@code POST .../status/stop}: a {@code qmstop} task (hard stop). */
    public Either<ProxmoxFailure, Task> stop() {
        return calls.task(Calls.request("POST", sub("stop"), List.of()));
    }

    /** {@code POST .../status/shutdown}: a {@code qmshutdown} task (ACPI shutdown). */
    public Either<ProxmoxFailure, Task> shutdown(ShutdownRequest request) {
        return calls.task(Calls.request("POST", sub("shutdown"), request.form()));
    }

    /** {@code POST .../status/reboot}: a {@code qmreboot} task. */
    public Either<ProxmoxFailure, Task> reboot() {
        return calls.task(Calls.request("POST", sub("reboot"), List.of()));
    }

    private List<String> sub(String last) {
        List<String> p = new ArrayList<>(path);
        p.add(last);
        return p;
    }
}
