package dev.homestak.manifests;

import java.time.Clock;
import java.util.Optional;

/** Records node transitions in the deployment's state, each written at once ({@link StateLock#update}). */
final class Journal {

    private final StateLock lock;
    private final Clock clock;

    Journal(StateLock lock, Clock clock) {
        this.lock = lock;
        this.clock = clock;
    }

    void creating(NodeSpec spec) {
        lock.update(s -> s.with(NodeRecord.creating(spec, clock.instant())), clock);
    }

    void provisioned(String node, int vmid) {
        lock.update(
                s -> s.node(node)
                        .map(r -> s.with(r.withVmId(vmid, clock.instant())))
                        .orElse(s),
                clock);
    }

    void addressed(String node, String ip) {
        lock.update(
                s -> s.node(node)
                        .map(r -> s.with(r.withIp(ip, clock.instant())))
                        .orElse(s),
                clock);
    }

    void completed(String node) {
        lock.update(
                s -> s.node(node)
                        .map(r -> s.with(r.completed(Optional.empty(), clock.instant())))
                        .orElse(s),
                clock);
    }

    /** A node kept (or adopted from its tag when the state had lost it). */
    void kept(NodeSpec spec, LiveVm vm) {
        lock.update(
                s -> {
                    NodeRecord base = s.node(spec.name())
                            .filter(r -> r.fingerprint().equals(spec.fingerprint()))
                            .orElseGet(() -> NodeRecord.creating(spec, clock.instant()));
                    return s.with(base.withVmId(vm.vmid(), clock.instant()).completed(vm.ip(), clock.instant()));
                },
                clock);
    }

    void failed(String node, String why) {
        lock.update(
                s -> s.node(node)
                        .map(r -> s.with(r.failed(why, clock.instant())))
                        .orElse(s),
                clock);
    }

    void destroyed(String node) {
        lock.update(s -> s.without(node, clock.instant()), clock);
    }

    /** Deletes the state when no node is left in it. */
    void clearIfEmpty() {
        if (lock.current().map(s -> s.nodes().isEmpty()).orElse(true)) {
            lock.clear();
        }
    }
}
