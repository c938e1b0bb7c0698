package dev.homestak.manifests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The live table of a deployment ({@code manifest status}): per node its type, VM id, live status, IP, when it was
 * created and how long ago.
 *
 * @param deployment the deployment
 * @param rows       the manifest's nodes, then VMs tagged for the deployment it no longer has
 */
public record DeploymentStatus(Deployment deployment, List<Row> rows) {

    /** Validates and copies. */
    public DeploymentStatus {
        Objects.requireNonNull(deployment, "deployment");
        rows = List.copyOf(rows);
    }

    /**
     * One node.
     *
     * @param name    the node
     * @param type    vm or pve
     * @param vmid    its VM id, if it exists or is recorded
     * @param status  the VM's live status, or {@code missing}
     * @param ip      its address, if it answers
     * @param created when its create completed (from the state)
     * @param parent  the node it is created in, if any
     */
    public record Row(
            String name,
            String type,
            Optional<Integer> vmid,
            String status,
            Optional<String> ip,
            Optional<Instant> created,
            Optional<String> parent) {}

    static DeploymentStatus of(
            Deployment d, List<NodeSpec> specs, Optional<DeploymentState> state, Map<String, LiveVm> live) {
        List<Row> rows = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        specs.forEach(s -> names.add(s.name()));
        state.ifPresent(s -> names.addAll(s.nodes().keySet()));
        names.addAll(live.keySet());
        for (String name : names) {
            Optional<NodeRecord> r = state.flatMap(s -> s.node(name));
            Optional<LiveVm> vm = Optional.ofNullable(live.get(name));
            String type = specs.stream()
                    .filter(s -> s.name().equals(name))
                    .map(NodeSpec::type)
                    .findFirst()
                    .or(() -> r.map(NodeRecord::type))
                    .orElse("vm");
            Optional<Integer> planned = specs.stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .flatMap(NodeSpec::vmid);
            rows.add(new Row(
                    name,
                    type,
                    vm.map(LiveVm::vmid).or(() -> r.flatMap(NodeRecord::vmId)).or(() -> planned),
                    vm.map(LiveVm::status).orElse("missing"),
                    vm.flatMap(LiveVm::ip),
                    r.flatMap(NodeRecord::createdAt),
                    specs.stream()
                            .filter(s -> s.name().equals(name))
                            .findFirst()
                            .flatMap(NodeSpec::parent)));
        }
        return new DeploymentStatus(d, rows);
    }

    /** {@code root-pve › leaf-pve › edge}: the node's path through the {@code pve} nodes it lives in. */
    public String path(String name) {
        Map<String, String> parents = new java.util.HashMap<>();
        Set<String> pves = new java.util.HashSet<>();
        rows.forEach(r -> {
            r.parent().ifPresent(p -> parents.put(r.name(), p));
            if (r.type().equals("pve")) {
                pves.add(r.name());
            }
        });
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        for (String n = name;
                n != null && names.size() <= rows.size();
                n = pves.contains(parents.get(n)) ? parents.get(n) : null) {
            names.addFirst(n);
        }
        return String.join(NodeTree.SEPARATOR, names);
    }

    /** The table, ages relative to {@code now}. */
    public String render(Instant now) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"NAME", "TYPE", "VMID", "STATUS", "IP", "CREATED", "AGE"});
        for (Row r : rows) {
            lines.add(new String[] {
                path(r.name()),
                r.type(),
                r.vmid().map(String::valueOf).orElse("-"),
                r.status(),
                r.ip().orElse("-"),
                r.created().map(Instant::toString).orElse("-"),
                r.created().map(c -> age(Duration.between(c, now))).orElse("-")
            });
        }
        int[] width = new int[7];
        lines.forEach(l -> {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        });
        StringBuilder b = new StringBuilder("Deployment " + deployment.manifest() + " on " + deployment.host()
                + " (tag " + deployment.tag() + "):\n");
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                line.append("  ").append(String.format("%-" + width[i] + "s", l[i]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" : s < 86400 ? s / 3600 + "h" : s / 86400 + "d";
    }
}
