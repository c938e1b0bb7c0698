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
                })
                .add("GET", "/nodes/{node}/tasks/{upid}/log", this::log)
                .add("GET", "/nodes/{node}/tasks", this::list)
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

    /**
     * The node's tasks, newest first, as PVE lists them: {@code vmid}, {@code typefilter}, {@code userfilter},
     * {@code errors} (failed only), {@code source} ({@code active}, {@code archive}, {@code all}), {@code since},
     * {@code until}, {@code statusfilter} ({@code ok}, {@code error}, {@code warning}, {@code unknown}),
     * {@code start} and {@code limit} (default 50); {@code total} is the number of matching tasks.
     */
    private Object list(Call call) {
        Cluster cluster = pve.cluster();
        List<Map<String, Object>> matching = new ArrayList<>();
        synchronized (cluster) {
            List<SimTask> all = new ArrayList<>(cluster.allTasks());
            java.util.Collections.reverse(all);
            for (SimTask t : all) {
                if (matches(call, t)) {
                    matching.add(t.listEntry(cluster.now()));
                }
            }
        }
        int start = call.param("start").map(v -> Params.integer("start", v)).orElse(0);
        int limit = call.param("limit").map(v -> Params.integer("limit", v)).orElse(50);
        List<Map<String, Object>> page = matching.subList(
                Math.min(start, matching.size()), Math.min(matching.size(), Math.max(start, 0) + limit));
        return new Paged(List.copyOf(page), matching.size());
    }

    private static boolean matches(Call call, SimTask t) {
        String source = call.param("source").orElse("archive");
        boolean sourceOk = source.equals("all") || (source.equals("active") == t.running());
        String status = t.running() ? "" : t.failed() ? "error" : "ok";
        boolean statusOk = call.param("statusfilter")
                .map(f -> java.util.Arrays.asList(f.split("[,;\\s]+")).contains(status))
                .orElse(true);
        return sourceOk
                && statusOk
                && call.param("vmid").map(v -> v.equals(t.id())).orElse(true)
                && call.param("typefilter").map(f -> f.equals(t.type())).orElse(true)
                && call.param("userfilter").map(f -> t.user().contains(f)).orElse(true)
                && (!call.flag("errors") || t.failed())
                && call.param("since")
                        .map(s -> t.start().getEpochSecond() >= Long.parseLong(s))
                        .orElse(true)
                && call.param("until")
                        .map(u -> t.start().getEpochSecond() <= Long.parseLong(u))
                        .orElse(true);
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
