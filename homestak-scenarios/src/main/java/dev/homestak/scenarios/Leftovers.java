package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.DestroyVmsAction;
import dev.homestak.actions.DiscoverVmsAction;
import dev.homestak.actions.DiscoveredVm;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.VmSelection;
import dev.homestak.actions.VmSteps;
import dev.homestak.core.HostConfig;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds and removes what runs left behind (the library side of {@code homestak cleanup}): every VM a run
 * creates is tagged {@code homestak} and {@code homestak-run-<run id>}, so leftovers are found by tag on the
 * node of the context's host config, for one run or for all. A VM without the {@code homestak} tag is never
 * touched.
 */
public final class Leftovers {

    private static final Duration TASK = Duration.ofSeconds(300);

    private Leftovers() {}

    /** The tagged VMs on the host's node: of run {@code runId}, or of every run when empty. */
    public static Action<List<LeftoverVm>> discover(Optional<String> runId) {
        Objects.requireNonNull(runId, "runId");
        return new Action<>() {
            @Override
            public Either<ActionFailure, List<LeftoverVm>> run(ActionContext ctx) {
                return ctx.requireHost().flatMap(host -> find(ctx, host, runId));
            }

            @Override
            public String describe() {
                return "discover leftovers of " + runId.map(id -> "run " + id).orElse("every homestak run");
            }
        };
    }

    /**
     * Stops and deletes the tagged VMs of run {@code runId} (or of every run) with {@code DestroyVmsAction}:
     * every VM is tried even when another fails. The message lists what was removed.
     */
    public static Action<ActionResult> remove(Optional<String> runId) {
        Objects.requireNonNull(runId, "runId");
        return new Action<>() {
            @Override
            public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
                return ctx.requireHost()
                        .flatMap(host -> find(ctx, host, runId).flatMap(vms -> removeAll(ctx, host, vms)));
            }

            @Override
            public String describe() {
                return "remove leftovers of " + runId.map(id -> "run " + id).orElse("every homestak run");
            }
        };
    }

    /**
     * Stops and deletes exactly these VMs (found by {@link #discover}), each tried even when another fails; the
     * failure names each VM that could not be removed and why.
     */
    public static Action<ActionResult> remove(List<LeftoverVm> vms) {
        List<LeftoverVm> targets = List.copyOf(vms);
        return new Action<>() {
            @Override
            public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
                return targets.isEmpty()
                        ? Either.right(ActionResult.of("No leftover VMs"))
                        : ctx.requireHost().flatMap(host -> removeAll(ctx, host, targets));
            }

            @Override
            public String describe() {
                return "remove " + targets.size() + " leftover VMs";
            }
        };
    }

    /** The VMs tagged {@code homestak} on the host's node ({@link DiscoverVmsAction}), of one run or of all. */
    private static Either<ActionFailure, List<LeftoverVm>> find(
            ActionContext ctx, HostConfig host, Optional<String> runId) {
        Optional<String> wanted = runId.map(RunTags::normalized);
        DiscoverVmsAction tagged =
                new DiscoverVmsAction(PveTarget.host(), "*", 0, Integer.MAX_VALUE, Optional.of(RunTags.HOMESTAK));
        return tagged.find(ctx)
                .map(found -> found.stream()
                        .filter(vm -> vm.on(host.nodeName()))
                        .filter(vm -> wanted.map(id -> runIdOf(vm).equals(Optional.of(id)))
                                .orElse(true))
                        .map(vm -> new LeftoverVm(vm.vmid(), vm.name(), host.nodeName(), vm.status(), runIdOf(vm)))
                        .toList());
    }

    private static Optional<String> runIdOf(DiscoveredVm vm) {
        return RunTags.runIdIn(vm.tags());
    }

    private static Either<ActionFailure, ActionResult> removeAll(
            ActionContext ctx, HostConfig host, List<LeftoverVm> vms) {
        List<ProvisionedVm> targets =
                vms.stream().map(vm -> new ProvisionedVm(vm.name(), vm.vmid())).toList();
        return DestroyVmsAction.of(VmSelection.listed(targets))
                .withMaxConcurrency(Math.max(1, targets.size()))
                .withTimeout(TASK)
                .run(ctx)
                .flatMap(t -> {
                    List<String> gone = t.destroyedLabels();
                    if (!t.ok()) {
                        return Either.left(new ActionFailure.Precondition(
                                "could not remove " + t.failed().size() + " of " + vms.size()
                                        + " leftover VMs: " + String.join("; ", VmSteps.failures(t, host.name()))
                                        + (gone.isEmpty() ? "" : " (removed " + String.join(", ", gone) + ")")));
                    }
                    return Either.right(ActionResult.of(
                            gone.isEmpty()
                                    ? "No leftover VMs on " + host.name()
                                    : "Removed " + String.join(", ", gone) + " on " + host.name()));
                });
    }
}
