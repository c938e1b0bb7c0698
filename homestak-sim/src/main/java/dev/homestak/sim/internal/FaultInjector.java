package dev.homestak.sim.internal;

import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.InjectedFault;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides which faults fire, reproducibly: rules by {@code nth} count their matches, rules by rate
 * draw from one {@link Random} seeded at start, and every fault that fires is logged.
 */
public final class FaultInjector {

    /** A rule with its own match counter (rules hold a Pattern, which has no value equality). */
    private record Armed(FaultRule rule, AtomicInteger matches) {}

    private final List<Armed> rules = new CopyOnWriteArrayList<>();
    private final List<InjectedFault> log = new CopyOnWriteArrayList<>();
    private final Random random;
    private final Clock clock;

    /** An injector with these rules and seed. */
    public FaultInjector(List<FaultRule> rules, long seed, Clock clock) {
        rules.forEach(this::add);
        this.random = new Random(seed);
        this.clock = clock;
    }

    /** Adds a rule while the simulator runs. */
    public void add(FaultRule rule) {
        rules.add(new Armed(rule, new AtomicInteger()));
    }

    /** Removes every rule (faults already injected stay in the log). */
    public void clear() {
        rules.clear();
    }

    /** The request faults that fire for this HTTP request, in rule order; each is logged. */
    List<FaultRule> onRequest(String method, String path, OptionalInt vmid) {
        List<FaultRule> fired = new ArrayList<>();
        for (Armed armed : rules) {
            FaultRule rule = armed.rule();
            if (!rule.kind().perVm() && matches(rule, method, path, vmid) && fires(armed)) {
                fired.add(rule);
                record(rule.kind(), method + " " + path, vmid);
            }
        }
        return fired;
    }

    /** The per-VM faults that fire for this boot of a VM; each is logged. */
    List<FaultKind> onBoot(int vmid) {
        List<FaultKind> fired = new ArrayList<>();
        for (Armed armed : rules) {
            FaultRule rule = armed.rule();
            boolean vmMatches = rule.vmid().isEmpty() || rule.vmid().getAsInt() == vmid;
            if (rule.kind().perVm() && vmMatches && fires(armed)) {
                fired.add(rule.kind());
                record(rule.kind(), "vm " + vmid, OptionalInt.of(vmid));
            }
        }
        return fired;
    }

    /** Every fault injected so far. */
    public List<InjectedFault> log() {
        return List.copyOf(log);
    }

    private static boolean matches(FaultRule rule, String method, String path, OptionalInt vmid) {
        return rule.method().map(method::equals).orElse(true)
                && rule.path().map(p -> p.matcher(path).find()).orElse(true)
                && (rule.vmid().isEmpty()
                        || (vmid.isPresent() && vmid.getAsInt() == rule.vmid().getAsInt()));
    }

    private boolean fires(Armed armed) {
        FaultRule rule = armed.rule();
        int count = armed.matches().incrementAndGet();
        if (rule.nth().isPresent()) {
            return count == rule.nth().getAsInt();
        }
        synchronized (random) {
            // draw even at rate 1 so that adding a rule does not shift the others' sequence unpredictably
            return random.nextDouble() < rule.rate();
        }
    }

    private void record(FaultKind kind, String target, OptionalInt vmid) {
        log.add(new InjectedFault(kind, target, vmid, clock.instant()));
    }
}
