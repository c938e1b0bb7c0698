package dev.homestak.cli;

import dev.homestak.scenarios.LeftoverVm;
import dev.homestak.scenarios.RunLocks;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code homestak cleanup} does with each tagged VM: remove it (its run is not alive on this machine, or is
 * the {@code --run} asked for) or keep it (its run is alive, another run was asked for, or it has no run tag).
 *
 * @param vms every VM with homestak's tag, each with its decision
 */
record CleanupPlan(List<Entry> vms) {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One tagged VM and what to do with it. */
    record Entry(LeftoverVm vm, boolean remove, String why) {
        /** Validates components. */
        Entry {
            Objects.requireNonNull(vm, "vm");
            Objects.requireNonNull(why, "why");
        }
    }

    CleanupPlan {
        vms = List.copyOf(vms);
    }

    /** Decides for each VM: of {@code run} when given, else of every run whose lock nobody holds. */
    static CleanupPlan of(List<LeftoverVm> tagged, Optional<String> run, RunLocks locks) {
        Optional<String> wanted = run.map(id -> id.toLowerCase(Locale.ROOT));
        List<Entry> entries = new ArrayList<>();
        for (LeftoverVm vm : tagged) {
            if (vm.runId().isEmpty()) {
                entries.add(new Entry(vm, false, "kept: no run tag"));
            } else if (wanted.isPresent() && !wanted.equals(vm.runId())) {
                entries.add(new Entry(vm, false, "kept: another run"));
            } else if (locks.isAlive(vm.runId().get())) {
                entries.add(new Entry(vm, false, "kept: run alive on this machine"));
            } else {
                entries.add(
                        new Entry(vm, true, wanted.isPresent() ? "remove: run asked for" : "remove: run not alive"));
            }
        }
        return new CleanupPlan(entries);
    }

    /** The VMs to remove. */
    List<LeftoverVm> toRemove() {
        return vms.stream().filter(Entry::remove).map(Entry::vm).toList();
    }

    /** The table: run id, created, VM id, name, status, decision. */
    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "  %-24s %-19s  %-6s %-16s %-8s %s",
                "RUN ID",
                "CREATED",
                "VMID",
                "NAME",
                "STATUS",
                "ACTION"));
        for (Entry e : vms) {
            LeftoverVm vm = e.vm();
            lines.add(String.format(
                    Locale.ROOT,
                    "  %-24s %-19s  %-6d %-16s %-8s %s",
                    vm.runId().orElse("-"),
                    vm.created().map(CREATED::format).orElse("-"),
                    vm.vmid(),
                    TerminalText.clean(vm.name()),
                    vm.status(),
                    e.why()));
        }
        return lines;
    }

    /** The JSON of each VM, for {@code --json-output}. */
    List<Map<String, Object>> json(List<LeftoverVm> left) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Entry e : vms) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vmid", e.vm().vmid());
            m.put("name", e.vm().name());
            m.put("node", e.vm().node());
            m.put("status", e.vm().status());
            m.put("run_id", e.vm().runId().orElse(""));
            m.put("created", e.vm().created().map(CREATED::format).orElse(""));
            m.put("action", e.why());
            m.put("left", left.stream().anyMatch(l -> l.vmid() == e.vm().vmid()));
            all.add(m);
        }
        return all;
    }
}
