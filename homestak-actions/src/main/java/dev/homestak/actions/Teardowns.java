package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.ResolvedVm;
import dev.homestak.proxmox.model.ClusterResource;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@link DestroyVmsAction} works: a {@link VmSelection} becomes the VMs to remove on their nodes ({@link Plan}),
 * then every VM is tried even when another fails (a cleanup removes all it can), and what happened to each is a
 * {@link VmTeardown}.
 */
final class Teardowns {

    private enum Outcome {
        DESTROYED,
        ABSENT,
        REFUSED
    }

    private Teardowns() {}

    /**
     * One VM to remove and the node it is on.
     *
     * @param vm   the VM, by id and expected name
     * @param node the node it is on
     */
    record Doomed(ProvisionedVm vm, Pve.Node node) {}

    /**
     * A VM a selection names: by id, or (an env VM that has none) by name alone, on its own node when a discovery
     * found it on one.
     */
    private record Wanted(String name, Optional<Integer> vmid, Optional<String> node) {

        static Wanted of(ProvisionedVm vm) {
            return new Wanted(vm.name(), Optional.of(vm.vmid()), Optional.empty());
        }
    }

    /**
     * What a destroy will do.
     *
     * @param node  the PVE's node; empty when the selection named no VM (the PVE was not asked)
     * @param vms   the VMs to remove, in the selection's order
     * @param guard with {@code sameNameOnly}: the VMs listed on the node, against which each VM is checked
     */
    record Plan(Optional<Pve.Node> node, List<Doomed> vms, Optional<List<ClusterResource>> guard) {

        /** Removes the VMs, {@code maxConcurrency} at once, each failure kept apart. */
        Either<ActionFailure, VmTeardown> run(ActionContext ctx, int maxConcurrency, Duration timeout) {
            List<Action<Either<ActionFailure, Outcome>>> destroys = new ArrayList<>();
            for (Doomed d : vms) {
                // each VM's failure is kept as a value, so that it does not cancel the others
                destroys.add(c -> Either.right(one(c, d, guard, timeout)));
            }
            return Actions.parallel(maxConcurrency, destroys).run(ctx).map(done -> {
                List<ProvisionedVm> destroyed = new ArrayList<>();
                List<ProvisionedVm> absent = new ArrayList<>();
                List<ProvisionedVm> refused = new ArrayList<>();
                List<VmFailure> failed = new ArrayList<>();
                for (int i = 0; i < done.size(); i++) {
                    ProvisionedVm vm = vms.get(i).vm();
                    done.get(i).peekLeft(f -> failed.add(new VmFailure(vm, f))).peek(outcome -> {
                        switch (outcome) {
                            case DESTROYED -> destroyed.add(vm);
                            case ABSENT -> absent.add(vm);
                            case REFUSED -> refused.add(vm);
                        }
                    });
                }
                return new VmTeardown(destroyed, absent, refused, failed);
            });
        }
    }

    /**
     * The VMs {@code selection} names, on their nodes. The PVE is asked only when there is a VM: for the node, and
     * for the list of its VMs when {@code sameNameOnly} or an env VM has no id.
     */
    static Either<ActionFailure, Plan> plan(
            ActionContext ctx, VmSelection selection, PveTarget target, boolean sameNameOnly) {
        return wanted(ctx, selection).flatMap(wanted -> {
            if (wanted.isEmpty()) {
                return Either.right(new Plan(Optional.empty(), List.of(), Optional.empty()));
            }
            Either<ActionFailure, Pve.Node> resolved = selection instanceof VmSelection.Env e
                    ? Pve.resolve(ctx, target, e.env().host())
                    : Pve.resolve(ctx, target);
            return resolved.flatMap(node -> {
                boolean byName = wanted.stream().anyMatch(w -> w.vmid().isEmpty());
                Either<ActionFailure, List<ClusterResource>> listed =
                        sameNameOnly || byName ? listing(ctx, node) : Either.right(List.of());
                return listed.map(resources -> {
                    List<Doomed> doomed = new ArrayList<>();
                    for (Wanted w : wanted) {
                        Pve.Node on = w.node()
                                .map(name -> new Pve.Node(node.client(), name, node.label()))
                                .orElse(node);
                        w.vmid()
                                .or(() -> byName(resources, w.name(), on.node()))
                                .ifPresent(id -> doomed.add(new Doomed(new ProvisionedVm(w.name(), id), on)));
                    }
                    return new Plan(
                            Optional.of(node), doomed, sameNameOnly ? Optional.of(resources) : Optional.empty());
                });
            });
        });
    }

    private static Either<ActionFailure, List<Wanted>> wanted(ActionContext ctx, VmSelection selection) {
        return switch (selection) {
            case VmSelection.Listed l ->
                Either.right(l.vms().stream().map(Wanted::of).toList());
            case VmSelection.ByKey k ->
                ctx.require(k.vmIdKey())
                        .map(id -> List.of(new Wanted(k.vmIdKey().name(), Optional.of(id), Optional.empty())));
            case VmSelection.Provisioned p ->
                ActionContext.requireFact(ctx.facts(), p.fact())
                        .map(vms -> vms.stream().map(Wanted::of).toList());
            case VmSelection.Discovered d ->
                ActionContext.requireFact(ctx.facts(), d.fact())
                        .map(vms -> vms.stream()
                                .map(vm -> new Wanted(
                                        vm.name(),
                                        Optional.of(vm.vmid()),
                                        vm.node().isEmpty() ? Optional.empty() : Optional.of(vm.node())))
                                .toList());
            case VmSelection.Env e ->
                Either.right(NativeVms.withOverrides(e.env().vms(), ctx.run().vmIdOverrides()).stream()
                        .map(vm -> new Wanted(vm.name(), idOf(ctx.facts(), vm), Optional.empty()))
                        .toList());
        };
    }

    /** An env VM's id: fact {@code <vmname>_vm_id}, else the env's (overrides applied). */
    private static Optional<Integer> idOf(Facts facts, ResolvedVm vm) {
        try {
            Optional<Integer> fromFacts = facts.get(Facts.vmIdKey(vm.name()));
            return fromFacts.isPresent() ? fromFacts : vm.vmid();
        } catch (IllegalStateException e) {
            return vm.vmid();
        }
    }

    /** The id of the one VM named {@code name} on {@code node}; empty when none or several. */
    private static Optional<Integer> byName(List<ClusterResource> resources, String name, String node) {
        List<Integer> ids = resources.stream()
                .filter(r -> r.name().orElse("").equals(name)
                        && r.node().orElse(node).equals(node))
                .flatMap(r -> r.vmid().stream())
                .toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    private static Either<ActionFailure, Outcome> one(
            ActionContext ctx, Doomed d, Optional<List<ClusterResource>> guard, Duration timeout) {
        Pve.Node node = d.node();
        ProvisionedVm vm = d.vm();
        if (guard.isPresent()) {
            Optional<ClusterResource> there = guard.get().stream()
                    .filter(r -> r.vmid().equals(Optional.of(vm.vmid())))
                    .filter(r -> r.node().orElse(node.node()).equals(node.node()))
                    .findFirst();
            if (there.isEmpty()) {
                return Either.right(Outcome.ABSENT);
            }
            if (!there.get().name().orElse("").equals(vm.name())) {
                ctx.progress("VM " + vm.vmid() + " on " + node.label() + " is '"
                        + there.get().name().orElse("") + "', not '" + vm.name() + "': left alone");
                return Either.right(Outcome.REFUSED);
            }
        }
        return VmOps.destroy(ctx, node, vm.vmid(), timeout)
                .map(removal -> removal == VmOps.Removal.DESTROYED ? Outcome.DESTROYED : Outcome.ABSENT);
    }

    /** The node's VMs ({@code GET /cluster/resources?type=vm}). */
    private static Either<ActionFailure, List<ClusterResource>> listing(ActionContext ctx, Pve.Node node) {
        return Pve.call(ctx, "listing the VMs", () -> node.client().cluster().resources(Optional.of("vm")));
    }
}
