package dev.homestak.proxmox;

import dev.homestak.proxmox.model.ExecStatus;
import dev.homestak.proxmox.model.FileContent;
import dev.homestak.proxmox.model.NetworkInterface;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The QEMU guest agent of one VM, {@code /nodes/{node}/qemu/{vmid}/agent}. */
public final class AgentApi {

    private final Calls calls;
    private final List<String> path;

    AgentApi(Calls calls, List<String> path) {
        this.calls = calls;
        this.path = List.copyOf(path);
    }

    /** {@code POST .../agent/ping}; {@link ProxmoxFailure.AgentNotRunning} while the guest boots. */
    public Either<ProxmoxFailure, Done> ping() {
        return calls.done(Calls.request("POST", sub("ping"), List.of()));
    }

    /** {@code GET .../agent/network-get-interfaces} (includes {@code lo}). */
    public Either<ProxmoxFailure, List<NetworkInterface>> networkGetInterfaces() {
        return calls.read(ApiRequest.get(sub("network-get-interfaces")), Payloads::interfaces);
    }

    /**
     * {@code POST .../agent/exec}: starts {@code argv} (no shell; wrap with {@code /bin/sh -c}).
     *
     * @return the guest pid to pass to {@link #execStatus}
     */
    public Either<ProxmoxFailure, Integer> exec(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command");
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        argv.forEach(a -> fields.add(Map.entry("command", a))); // arrays are repeated keys
        return calls.read(
                Calls.request("POST", sub("exec"), fields),
                data -> Json.intOf(data, "pid").orElseThrow(() -> new IllegalArgumentException("no pid in answer")));
    }

    /** {@code GET .../agent/exec-status?pid=}. */
    public Either<ProxmoxFailure, ExecStatus> execStatus(int pid) {
        return calls.read(
                Calls.request("GET", sub("exec-status"), List.of(Map.entry("pid", Integer.toString(pid)))),
                Payloads::execStatus);
    }

    /** {@code GET .../agent/file-read?file=}. */
    public Either<ProxmoxFailure, FileContent> fileRead(String file) {
        return calls.read(Calls.request("GET", sub("file-read"), List.of(Map.entry("file", file))), Payloads::file);
    }

    private List<String> sub(String last) {
        List<String> p = new ArrayList<>(path);
        p.add(last);
        return p;
    }
}
