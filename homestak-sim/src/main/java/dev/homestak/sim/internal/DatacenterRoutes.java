package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Datacenter-wide configuration: {@code /storage[/{storage}]} (the storage definitions, read only),
 * {@code /pools} (list, create, delete; members are the VMs created with {@code pool}) and
 * {@code /access/users[/{userid}]} (the users that own tokens, {@code root@pam} always).
 */
final class DatacenterRoutes {

    private final PveInstance pve;
    private final Map<String, String> pools = new TreeMap<>();

    DatacenterRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("GET", "/storage", c -> storages(c.param("type").orElse("")))
                .add("GET", "/storage/{storage}", c -> storage(c.var("storage")))
                .add("GET", "/pools", this::listPools)
                .add("POST", "/pools", this::createPool)
                .add("DELETE", "/pools", c -> deletePool(c.required("poolid")))
                .add("GET", "/access/users", c -> users(c.flag("full")))
                .add("GET", "/access/users/{userid}", c -> user(c.var("userid")));
    }

    private List<Map<String, Object>> storages(String type) {
        List<Map<String, Object>> list = new ArrayList<>();
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            for (Storage.Def def : cluster.storage.defs()) {
                if (type.isEmpty() || type.equals(def.type())) {
                    list.add(config(def));
                }
            }
        }
        return list;
    }

    private Map<String, Object> storage(String id) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            return config(cluster.storage.def(id));
        }
    }

    /** A storage's {@code storage.cfg} section as the API shows it. */
    private static Map<String, Object> config(Storage.Def def) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("storage", def.id());
        cfg.put("type", def.type());
        cfg.put("content", String.join(",", def.content().stream().sorted().toList()));
        if (def.fileBased()) {
            cfg.put("path", def.path());
            cfg.put("prune-backups", "keep-all=1");
            cfg.put("shared", 0);
        } else {
            cfg.put("vgname", "pve");
            cfg.put("thinpool", "data");
        }
        cfg.put("digest", ConfigEdit.digest(Map.of("storage", def.id(), "type", def.type())));
        return cfg;
    }

    private synchronized List<Map<String, Object>> listPools(Call call) {
        List<Map<String, Object>> list = new ArrayList<>();
        String only = call.param("poolid").orElse("");
        pools.forEach((id, comment) -> {
            if (only.isEmpty() || only.equals(id)) {
                Map<String, Object> pool = new LinkedHashMap<>();
                pool.put("poolid", id);
                if (!comment.isEmpty()) {
                    pool.put("comment", comment);
                }
                if (!only.isEmpty()) {
                    pool.put("members", List.of());
                }
                list.add(pool);
            }
        });
        if (!only.isEmpty() && list.isEmpty()) {
            throw PveError.of("pool '" + only + "' does not exist");
        }
        return list;
    }

    private synchronized Object createPool(Call call) {
        String id = call.required("poolid");
        if (pools.containsKey(id)) {
            throw PveError.of("create pool failed: pool '" + id + "' already exists");
        }
        pools.put(id, call.param("comment").orElse(""));
        return null;
    }

    private synchronized Object deletePool(String id) {
        if (pools.remove(id) == null) {
            throw PveError.of("delete pool failed: pool '" + id + "' does not exist");
        }
        return null;
    }

    private List<Map<String, Object>> users(boolean full) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String userid : pve.tokens().users()) {
            Map<String, Object> user = user(userid);
            user.put("userid", userid);
            if (full) {
                user.put(
                        "tokens",
                        pve.tokens().of(userid).stream()
                                .map(t -> Map.<String, Object>of(
                                        "tokenid", t.tokenId(), "privsep", t.privsep() ? 1 : 0, "expire", t.expire()))
                                .toList());
            }
            list.add(user);
        }
        return list;
    }

    private Map<String, Object> user(String userid) {
        if (!pve.tokens().users().contains(userid)) {
            throw PveError.of("no such user ('" + userid + "')");
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("enable", 1);
        user.put("expire", 0);
        if (userid.equals("root@pam")) {
            user.put("email", "root@localhost");
        }
        user.put("realm-type", userid.substring(userid.indexOf('@') + 1));
        return user;
    }
}
