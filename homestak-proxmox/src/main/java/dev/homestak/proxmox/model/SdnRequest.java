package dev.homestak.proxmox.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates an SDN zone, vnet or subnet ({@code POST /cluster/sdn/zones|vnets|vnets/{vnet}/subnets}).
 * Create with {@link #zone}, {@link #vnet} or {@link #subnet}, then add options by PVE name.
 *
 * @param kind which object
 * @param fields the identifying fields, then options, in order; repeated keys are arrays
 *     ({@code dhcp-range})
 */
public record SdnRequest(Kind kind, List<Map.Entry<String, String>> fields) {

    /** What an {@link SdnRequest} creates. */
    public enum Kind {
        /** {@code POST /cluster/sdn/zones}. */
        ZONE,
        /** {@code POST /cluster/sdn/vnets}. */
        VNET,
        /** {@code POST /cluster/sdn/vnets/{vnet}/subnets}. */
        SUBNET
    }

    /** Validates and copies. */
    public SdnRequest {
        java.util.Objects.requireNonNull(kind, "kind");
        fields = List.copyOf(fields);
    }

    /** A zone, e.g. {@code zone("lab", "simple")}. */
    public static SdnRequest zone(String zone, String type) {
        return new SdnRequest(Kind.ZONE, List.of(Map.entry("zone", zone), Map.entry("type", type)));
    }

    /** A vnet in a zone. */
    public static SdnRequest vnet(String vnet, String zone) {
        return new SdnRequest(Kind.VNET, List.of(Map.entry("vnet", vnet), Map.entry("zone", zone)));
    }

    /** A subnet (CIDR) of the vnet the request is sent to. */
    public static SdnRequest subnet(String cidr) {
        return new SdnRequest(Kind.SUBNET, List.of(Map.entry("subnet", cidr), Map.entry("type", "subnet")));
    }

    /** This request with one more option (call again with the same key for array options). */
    public SdnRequest with(String key, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(fields);
        more.add(Map.entry(key, value));
        return new SdnRequest(kind, more);
    }

    /** The value of the identifying field ({@code zone}, {@code vnet} or {@code subnet}). */
    public String id() {
        return fields.get(0).getValue();
    }

    /** The form fields PVE receives. */
    public List<Map.Entry<String, String>> form() {
        return fields;
    }

    /** The options beyond the identifying ones, last value per key. */
    public Map<String, String> options() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.stream().skip(2).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
