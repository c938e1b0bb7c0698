package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /nodes/{node}/tasks/{upid}[/status|/log]}: task status, log and stop. */
final class TaskRoutes {

    private final PveInstance pve;

    TaskRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("GET", "/nodes/{node}/tasks/{upid}/status", c -> {
            Cluster cluster = pve.cluster();
            synchronized (cluster) {
                return cluster.task(upid(c)).status();
            }
        }).add("GET", "/nodes/{node}/tasks/{upid}/log", this::log)
                .add("DELETE", "/nodes/{node}/tasks/{upid}", c -> {
                    pve.cluster().stop(upid(c));
                    return null;
                });
    }

    private Object log(Call call) {
        List<String> lines;
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            lines = cluster.task(upid(call)).logLines();
        }
        int start = call.param("start").map(v -> Params.integer("start", v)).orElse(0);
        int limit = call.param("limit").map(v -> Params.integer("limit", v)).orElse(50);
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = Math.max(0, start); i < lines.size() && page.size() < limit; i++) {
            page.add(Map.of("n", i + 1, "t", lines.get(i)));
        }
        return new Paged(page, lines.size());
    }

    private static String upid(Call call) {
        String upid = call.var("upid");
        if (!upid.matches("UPID:[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?:[0-9A-Fa-f]{8}:[0-9A-Fa-f]{8,9}:"
                + "[0-9A-Fa-f]{8}:[^:\\s/]+:[^:\\s/]*:[^:\\s/]+:")) {
            throw PveError.param("upid", "unable to parse worker upid '" + upid + "'");
        }
        return upid;
    }
}
