package dev.homestak.sim.internal;

import dev.homestak.sim.internal.Sdn.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /cluster/sdn}: zones, vnets and subnets written as pending config, applied by
 * {@code PUT /cluster/sdn} (a {@code reloadnetworkall} task), and each node's zone status.
 * Only the configuration is modelled; no bridge or DHCP server comes to life.
 */
final class SdnRoutes {

    private static final String SDN = "/cluster/sdn";
    private static final String SUBNETS = SDN + "/vnets/{vnet}/subnets";
    private final PveInstance pve;

    SdnRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("GET", SDN + "/zones", c -> list(c, Section.ZONES, Optional.empty()))
                .add("POST", SDN + "/zones", this::createZone)
                .add("DELETE", SDN + "/zones/{zone}", this::deleteZone)
                .add("GET", SDN + "/vnets", c -> list(c, Section.VNETS, Optional.empty()))
                .add("POST", SDN + "/vnets", this::createVnet)
                .add("DELETE", SDN + "/vnets/{vnet}", this::deleteVnet)
                .add("GET", SUBNETS, c -> list(c, Section.SUBNETS, Optional.of(c.var("vnet"))))
                .add("POST", SUBNETS, this::createSubnet)
                .add("DELETE", SUBNETS + "/{subnet}", this::deleteSubnet)
                .add("PUT", SDN, this::apply)
                .add("GET", "/nodes/{node}/sdn/zones", c -> nodeZones());
    }

    private Object list(Call call, Section section, Optional<String> vnet) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            boolean pending = call.flag("pending");
            Map<String, Map<String, Object>> source =
                    call.flag("running") ? cluster.sdn.running(section) : cluster.sdn.config(section);
            Map<String, Map<String, Object>> live = cluster.sdn.running(section);
            List<Map<String, Object>> out = new ArrayList<>();
            for (String id : pending ? cluster.sdn.ids(section) : List.copyOf(source.keySet())) {
                Map<String, Object> entry =
                        new LinkedHashMap<>(source.getOrDefault(id, live.getOrDefault(id, Map.of())));
                if (vnet.isPresent() && !vnet.get().equals(entry.get("vnet"))) {
                    continue;
                }
                if (call.param("type").filter(t -> !t.equals(entry.get("type"))).isPresent()) {
                    continue;
                }
                if (pending) {
                    cluster.sdn.state(section, id).ifPresent(s -> entry.put("state", s));
                }
                out.add(entry);
            }
            return out;
        }
    }

    private @org.jspecify.annotations.Nullable Object createZone(Call call) {
        return create(call, Section.ZONES, call.required("zone"), fields(call, "zone"));
    }

    private @org.jspecify.annotations.Nullable Object createVnet(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            String zone = call.required("zone");
            if (!cluster.sdn.exists(Section.ZONES, zone)) {
                throw PveError.of("create sdn vnet object failed: sdn zone '" + zone + "' does not exist");
            }
            Map<String, Object> fields = fields(call, "vnet");
            fields.put("type", "vnet");
            return create(call, Section.VNETS, call.required("vnet"), fields);
        }
    }

    private @org.jspecify.annotations.Nullable Object createSubnet(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            String vnet = call.var("vnet");
            Map<String, Object> vnetCfg = cluster.sdn.config(Section.VNETS).get(vnet);
            if (vnetCfg == null) {
                throw PveError.of("sdn vnet '" + vnet + "' does not exist");
            }
            String cidr = call.required("subnet");
            String zone = String.valueOf(vnetCfg.get("zone"));
            String id = zone + "-" + cidr.replace('/', '-');
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("subnet", id);
            fields.put("cidr", cidr);
            fields.put("network", cidr.substring(0, cidr.indexOf('/')));
            fields.put("mask", cidr.substring(cidr.indexOf('/') + 1));
            fields.put("vnet", vnet);
            fields.put("zone", zone);
            Map<String, Object> options = fields(call, "subnet");
            options.remove("subnet");
            fields.putAll(options);
            return create(call, Section.SUBNETS, id, fields);
        }
    }

    private @org.jspecify.annotations.Nullable Object create(
            Call call, Section section, String id, Map<String, Object> fields) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            if (cluster.sdn.exists(section, id)) {
                throw PveError.of("create sdn " + section.singular + " object failed: sdn " + section.singular
                        + " object ID '" + id + "' already defined");
            }
            cluster.sdn.put(section, id, fields);
            return null;
        }
    }

    private @org.jspecify.annotations.Nullable Object deleteZone(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            String zone = existing(Section.ZONES, call.var("zone"));
            cluster.sdn.config(Section.VNETS).forEach((vnet, cfg) -> {
                if (zone.equals(cfg.get("zone"))) {
                    throw PveError.of("delete sdn zone object failed: zone " + zone + " is used by vnet " + vnet);
                }
            });
            cluster.sdn.remove(Section.ZONES, zone);
            return null;
        }
    }

    private @org.jspecify.annotations.Nullable Object deleteVnet(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            String vnet = existing(Section.VNETS, call.var("vnet"));
            if (cluster.sdn.config(Section.SUBNETS).values().stream().anyMatch(s -> vnet.equals(s.get("vnet")))) {
                throw PveError.param("vnet", "Can't delete vnet if subnets exists");
            }
            cluster.sdn.remove(Section.VNETS, vnet);
            return null;
        }
    }

    private @org.jspecify.annotations.Nullable Object deleteSubnet(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            cluster.sdn.remove(Section.SUBNETS, existing(Section.SUBNETS, call.var("subnet")));
            return null;
        }
    }

    private String apply(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            return cluster.submit(call, "reloadnetworkall", "", null, () -> {
                cluster.sdn.apply();
                return Optional.empty();
            });
        }
    }

    private List<Map<String, Object>> nodeZones() {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            List<Map<String, Object>> out = new ArrayList<>();
            cluster.sdn.running(Section.ZONES).keySet().forEach(z -> out.add(Map.of("zone", z, "status", "available")));
            return out;
        }
    }

    private String existing(Section section, String id) {
        if (!pve.cluster().sdn.exists(section, id)) {
            throw PveError.of("sdn " + section.singular + " '" + id + "' does not exist");
        }
        return id;
    }

    /** The call's parameters as config fields, the id field first; repeated keys become lists. */
    private static Map<String, Object> fields(Call call, String idField) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(idField, call.param(idField).orElse(""));
        call.multi().forEach((k, values) -> {
            if (!k.equals(idField) && !k.equals("lock-token") && !k.equals("digest")) {
                fields.put(k, values.size() == 1 && !k.equals("dhcp-range") ? values.get(0) : List.copyOf(values));
            }
        });
        return fields;
    }
}
