package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.proxmox.model.ClusterResource;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Destroys the VMs of a resolved env that {@link ProvisionVmsAction} created (the native
 * counterpart of {@link TofuDestroyAction}): each VM is stopped if it runs and deleted with purge,
 * up to {@code maxConcurrency} at once. A VM's id is taken from {@code <vmname>_vm_id}, then
 * {@code vm_id_overrides}, then the env; a VM without an id is looked up by name on the node.
 * VMs that are already gone are successes, so a destroy can be repeated. Writes no facts.
 *
 * <p>With {@code sameNameOnly} a VM whose id holds a VM of another name is left alone (never the
 * env's) and a VM not there is skipped; with {@code tryAll} every VM is tried even when another
 * fails, and the failure lists every VM that could not be removed ({@link #teardown()} gives the
 * same as a value).
 *
 * @param env            the env resolved for the node
 * @param target         the env's host ({@link PveTarget#host()}) or a nested PVE
 * @param maxConcurrency VMs destroyed at once (8)
 * @param timeout        limit of each stop and delete task (300 s)
 * @param sameNameOnly   leave alone a VM whose name is not the env's
 * @param tryAll         try every VM and report every failure, rather than stop at the first
 */
public record DestroyProvisionedVmsAction(
        ResolvedEnv env, PveTarget target, int maxConcurrency, Duration timeout, boolean sameNameOnly, boolean tryAll)
        implements Action<ActionResult> {

    /** Validates components. */
    public DestroyProvisionedVmsAction {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** Destroys {@code env}'s VMs on its host's node, 8 at once, 300 s per task, stopping at the first failure. */
    public static DestroyProvisionedVmsAction of(ResolvedEnv env) {
        return new DestroyProvisionedVmsAction(
                env, PveTarget.host(), StartVmsAction.DEFAULT_CONCURRENCY, Duration.ofSeconds(300), false, false);
    }

    /** A copy that destroys on {@code value} ({@link PveTarget#nested()}: inside the nested PVE). */
    public DestroyProvisionedVmsAction withTarget(PveTarget value) {
        return new DestroyProvisionedVmsAction(env, value, maxConcurrency, timeout, sameNameOnly, tryAll);
    }

    /** A copy that destroys {@code value} VMs at once. */
    public DestroyProvisionedVmsAction withMaxConcurrency(int value) {
        return new DestroyProvisionedVmsAction(env, target, value, timeout, sameNameOnly, tryAll);
    }

    /** A copy whose stop and delete tasks may take {@code value} each. */
    public DestroyProvisionedVmsAction withTimeout(Duration value) {
        return new DestroyProvisionedVmsAction(env, target, maxConcurrency, value, sameNameOnly, tryAll);
    }

    /** A copy that leaves alone a VM whose id holds a VM with another name. */
    public DestroyProvisionedVmsAction withSameNameOnly() {
        return new DestroyProvisionedVmsAction(env, target, maxConcurrency, timeout, true, tryAll);
    }

    /** A copy that tries every VM and fails with every VM's failure. */
    public DestroyProvisionedVmsAction withTryAll() {
        return new DestroyProvisionedVmsAction(env, target, maxConcurrency, timeout, sameNameOnly, true);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        if (tryAll) {
            return Pve.resolve(ctx, target, env.host())
                    .flatMap(node -> teardown(ctx, node).flatMap(t -> summary(t, node)));
        }
        List<ResolvedVm> vms = NativeVms.withOverrides(env.vms(), ctx.run().vmIdOverrides());
        return Pve.resolve(ctx, target, env.host())
                .flatMap(node -> resources(ctx, node, vms).flatMap(resources -> {
                    List<Action<String>> destroys = new ArrayList<>();
                    for (ResolvedVm vm : vms) {
                        Optional<Integer> vmid = idOf(ctx.facts(), vm, resources, node.node());
                        destroys.add(c -> vmid.isEmpty()
                                ? Either.right(vm.name() + " not found")
                                : VmOps.destroy(c, node, vmid.get(), timeout));
                    }
                    return Actions.parallel(maxConcurrency, destroys)
                            .run(ctx)
                            .map(done -> ActionResult.of(
                                    "Destroyed " + env.env() + " on " + node.node() + ": " + String.join("; ", done)));
                }));
    }

    /** The env's VMs destroyed, every VM tried; fails only when the PVE cannot be reached or listed. */
    public Action<VmTeardown> teardown() {
        return ctx -> Pve.resolve(ctx, target, env.host()).flatMap(node -> teardown(ctx, node));
    }

    private Either<ActionFailure, VmTeardown> teardown(ActionContext ctx, Pve.Node node) {
        List<ResolvedVm> vms = NativeVms.withOverrides(env.vms(), ctx.run().vmIdOverrides());
        Either<ActionFailure, List<ClusterResource>> listed =
                sameNameOnly ? Teardowns.listing(ctx, node) : resources(ctx, node, vms);
        return listed.flatMap(resources -> {
            List<ProvisionedVm> targets = new ArrayList<>();
            for (ResolvedVm vm : vms) {
                idOf(ctx.facts(), vm, resources, node.node())
                        .ifPresent(id -> targets.add(new ProvisionedVm(vm.name(), id)));
            }
            return Teardowns.run(
                    ctx,
                    node,
                    targets,
                    sameNameOnly ? Optional.of(resources) : Optional.empty(),
                    maxConcurrency,
                    timeout);
        });
    }

    private Either<ActionFailure, ActionResult> summary(VmTeardown t, Pve.Node node) {
        String destroyed = String.join(", ", t.destroyedLabels());
        if (!t.ok()) {
            return Either.left(new ActionFailure.Precondition(String.join(
                            "; ", t.failed().stream().map(VmFailure::message).toList())
                    + (destroyed.isEmpty() ? "" : " (destroyed " + destroyed + ")")));
        }
        return Either.right(ActionResult.of(
                destroyed.isEmpty()
                        ? "No VM of env " + env.env() + " left on " + node.node()
                        : "Destroyed " + destroyed + " on " + node.node()));
    }

    /** The node's VMs, needed only when some VM has no known id. */
    private Either<ActionFailure, List<ClusterResource>> resources(
            ActionContext ctx, Pve.Node node, List<ResolvedVm> vms) {
        boolean allKnown = vms.stream()
                .allMatch(vm -> ctx.facts().contains(Facts.vmIdKey(vm.name()).name())
                        || vm.vmid().isPresent());
        return allKnown ? Either.right(List.of()) : Teardowns.listing(ctx, node);
    }

    private static Optional<Integer> idOf(Facts facts, ResolvedVm vm, List<ClusterResource> resources, String node) {
        Optional<Integer> fromFacts;
        try {
            fromFacts = facts.get(Facts.vmIdKey(vm.name()));
        } catch (IllegalStateException e) {
            fromFacts = Optional.empty();
        }
        if (fromFacts.isPresent()) {
            return fromFacts;
        }
        if (vm.vmid().isPresent()) {
            return vm.vmid();
        }
        List<Integer> byName = resources.stream()
                .filter(r -> r.name().orElse("").equals(vm.name())
                        && r.node().orElse(node).equals(node))
                .flatMap(r -> r.vmid().stream())
                .toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    @Override
    public String describe() {
        return "destroy " + env.env() + " on " + (target instanceof PveTarget.Nested ? "the nested PVE" : env.node())
                + " (API)";
    }
}
