package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.core.HostConfig;
import dev.homestak.proxmox.model.ClusterResource;
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

    private Leftovers() {
    }

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
     * Stops and deletes the tagged VMs of run {@code runId} (or of every run), each with {@code DestroyVMAction};
     * every VM is tried even when another fails. The message lists what was removed.
     */
    public static Action<ActionResult> remove(Optional<String> runId) {
        Objects.requireNonNull(runId, "runId");
        return new Action<>() {
            @Override
            public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
                return ctx.requireHost().flatMap(host -> find(ctx, host, runId).flatMap(vms -> removeAll(ctx, host, vms)));
            }

            @Override
            public String describe() {
                return "remove leftovers of " + runId.map(id -> "run " + id).orElse("every homestak run");
            }
        };
    }

    /**
     * One {@code GET /cluster/resources?type=vm}, read here rather than with {@code DiscoverVMsAction}, because
     * that action's {@code discovered_vms} does not carry the tags, and a leftover is reported with its run.
     */
    private static Either<ActionFailure, List<LeftoverVm>> find(ActionContext ctx, HostConfig host, Optional<String> runId) {
        if (ctx.cancellation().isCancelled()) {
            return Either.left(new ActionFailure.Cancelled("listing the VMs on " + host.name(), ctx.cancellation().reason().orElse("")));
        }
        Optional<String> wanted = runId.map(RunTags::normalized);
        return ctx.proxmox().forHost(host).flatMap(client -> client.cluster().resources(Optional.of("vm"))
                .<ActionFailure>mapLeft(ActionFailure.Api::new)).map(resources -> resources.stream()
                .filter(r -> r.type().equals("qemu") && r.vmid().isPresent() && !r.template())
                .filter(r -> r.node().orElse(host.nodeName()).equals(host.nodeName()))
                .filter(r -> RunTags.parse(tags(r)).contains(RunTags.HOMESTAK))
                .filter(r -> wanted.map(id -> RunTags.runIdIn(tags(r)).equals(Optional.of(id))).orElse(true))
                .map(r -> new LeftoverVm(r.vmid().get(), r.name().orElse(""), host.nodeName(), r.status().orElse("unknown"),
                        RunTags.runIdIn(tags(r))))
                .toList());
    }

    private static String tags(ClusterResource r) {
        return r.fields().getOrDefault("tags", "");
    }

    private static Either<ActionFailure, ActionResult> removeAll(ActionContext ctx, HostConfig host, List<LeftoverVm> vms) {
        List<ProvisionedVm> targets = vms.stream().map(vm -> new ProvisionedVm(vm.name(), vm.vmid())).toList();
        return VmSteps.destroyAll(targets, PveTarget.host(), host.name(), TASK).run(ctx).flatMap(t -> {
            if (!t.failed().isEmpty()) {
                return Either.left(new ActionFailure.Precondition("could not remove " + t.failed().size() + " of " + vms.size()
                        + " leftover VMs: " + String.join("; ", t.failed())
                        + (t.gone().isEmpty() ? "" : " (removed " + String.join(", ", t.gone()) + ")")));
            }
            return Either.right(ActionResult.of(t.gone().isEmpty() ? "No leftover VMs on " + host.name()
                    : "Removed " + String.join(", ", t.gone()) + " on " + host.name()));
        });
    }
}
