package dev.homestak.proxmox;

import dev.homestak.proxmox.model.ClusterResource;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cluster-wide calls, {@code /cluster}. */
public final class ClusterApi {

    private final Calls calls;

    ClusterApi(Calls calls) {
        this.calls = calls;
    }

    /**
     * {@code GET /cluster/resources[?type=vm|storage|node|sdn]}: one call for every VM with its node,
     * status and lock; works while nodes are offline (status may lag a few seconds).
     */
    public Either<ProxmoxFailure, List<ClusterResource>> resources(Optional<String> type) {
        List<Map.Entry<String, String>> q =
                type.map(t -> List.of(Map.entry("type", t))).orElse(List.of());
        return calls.read(
                Calls.request("GET", List.of("cluster", "resources"), q), data -> Calls.list(data, Payloads::resource));
    }

    /** {@code GET /cluster/nextid}: a free VM id now (not a reservation; a create may still race). */
    public Either<ProxmoxFailure, Integer> nextId() {
        return calls.read(
                ApiRequest.get(List.of("cluster", "nextid")),
                data -> Json.number(data)
                        .map(Double::intValue)
                        .orElseThrow(() -> new IllegalArgumentException("nextid is not a number")));
    }

    /** Software-defined networking, {@code /cluster/sdn}. */
    public SdnApi sdn() {
        return new SdnApi(calls);
    }
}
