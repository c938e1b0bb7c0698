package dev.homestak.proxmox;

import dev.homestak.proxmox.model.SdnObject;
import dev.homestak.proxmox.model.SdnRequest;
import io.vavr.control.Either;
import java.util.List;

/**
 * SDN zones, vnets and subnets, {@code /cluster/sdn}. Creates only write pending configuration;
 * {@link #apply()} makes it live (then check each node with {@link NodeApi#sdnZones()}).
 */
public final class SdnApi {

    private final Calls calls;

    SdnApi(Calls calls) {
        this.calls = calls;
    }

    /** {@code GET /cluster/sdn/zones}. */
    public Either<ProxmoxFailure, List<SdnObject>> zones() {
        return calls.read(
                ApiRequest.get(List.of("cluster", "sdn", "zones")),
                data -> Calls.list(data, z -> Payloads.sdn(z, "zone", "zone")));
    }

    /** {@code GET /cluster/sdn/vnets}. */
    public Either<ProxmoxFailure, List<SdnObject>> vnets() {
        return calls.read(
                ApiRequest.get(List.of("cluster", "sdn", "vnets")),
                data -> Calls.list(data, v -> Payloads.sdn(v, "vnet", "vnet")));
    }

    /** {@code GET /cluster/sdn/vnets/{vnet}/subnets}. */
    public Either<ProxmoxFailure, List<SdnObject>> subnets(String vnet) {
        return calls.read(
                ApiRequest.get(List.of("cluster", "sdn", "vnets", vnet, "subnets")),
                data -> Calls.list(data, s -> Payloads.sdn(s, "subnet", "subnet")));
    }

    /** Creates a zone or vnet ({@code POST /cluster/sdn/zones|vnets}). */
    public Either<ProxmoxFailure, Done> create(SdnRequest request) {
        List<String> path = switch (request.kind()) {
            case ZONE -> List.of("cluster", "sdn", "zones");
            case VNET -> List.of("cluster", "sdn", "vnets");
            case SUBNET -> throw new IllegalArgumentException("a subnet is created with createSubnet(vnet, request)");
        };
        return calls.done(Calls.request("POST", path, request.form()));
    }

    /** Creates a subnet of {@code vnet} ({@code POST /cluster/sdn/vnets/{vnet}/subnets}). */
    public Either<ProxmoxFailure, Done> createSubnet(String vnet, SdnRequest request) {
        if (request.kind() != SdnRequest.Kind.SUBNET) {
            throw new IllegalArgumentException("createSubnet needs SdnRequest.subnet(...)");
        }
        return calls.done(Calls.request("POST", List.of("cluster", "sdn", "vnets", vnet, "subnets"), request.form()));
    }

    /** {@code DELETE /cluster/sdn/zones/{zone}} (pending until applied). */
    public Either<ProxmoxFailure, Done> deleteZone(String zone) {
        return calls.done(new ApiRequest("DELETE", List.of("cluster", "sdn", "zones", zone), Form.empty()));
    }

    /** {@code DELETE /cluster/sdn/vnets/{vnet}} (pending until applied). */
    public Either<ProxmoxFailure, Done> deleteVnet(String vnet) {
        return calls.done(new ApiRequest("DELETE", List.of("cluster", "sdn", "vnets", vnet), Form.empty()));
    }

    /** {@code PUT /cluster/sdn}: applies pending changes; the {@code reloadnetworkall} task only spawns node reloads. */
    public Either<ProxmoxFailure, Task> apply() {
        return calls.task(new ApiRequest("PUT", List.of("cluster", "sdn"), Form.empty()));
    }
}
