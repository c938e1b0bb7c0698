package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.proxmox.model.VmConfig;
import dev.homestak.proxmox.model.VmSummary;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
                return PveAccess.host(ctx).flatMap(node -> find(ctx, node, runId));
            }

            @Override
            public String describe() {
                return "discover leftovers of " + runId.map(id -> "run " + id).orElse("every homestak run");
            }
        };
    }

    /** Stops and deletes the tagged VMs of run {@code runId} (or of every run); message lists what was removed. */
    public static Action<ActionResult> remove(Optional<String> runId) {
        Objects.requireNonNull(runId, "runId");
        return new Action<>() {
            @Override
            public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
                return PveAccess.host(ctx).flatMap(node -> find(ctx, node, runId).flatMap(vms -> removeAll(ctx, node, vms)));
            }

            @Override
            public String describe() {
                return "remove leftovers of " + runId.map(id -> "run " + id).orElse("every homestak run");
            }
        };
    }

    private static Either<ActionFailure, List<LeftoverVm>> find(ActionContext ctx, PveAccess.Node node, Optional<String> runId) {
        Either<ActionFailure, List<VmSummary>> listed = PveAccess.call(ctx, "listing the VMs on " + node.label(),
                () -> node.client().node(node.node()).qemu().list());
        return listed.flatMap(list -> {
            List<LeftoverVm> found = new ArrayList<>();
            for (VmSummary vm : list) {
                Either<ActionFailure, VmConfig> config = PveAccess.call(ctx, "reading VM " + vm.vmid() + " on " + node.label(),
                        () -> node.vm(vm.vmid()).config());
                if (config.isLeft()) {
                    if (PveAccess.missing(config.getLeft())) {
                        continue; // removed since the listing
                    }
                    return Either.left(config.getLeft());
                }
                String tags = config.get().options().getOrDefault("tags", "");
                Optional<String> tagRun = RunTags.runIdIn(tags);
                boolean homestak = RunTags.parse(tags).contains(RunTags.HOMESTAK);
                if (homestak && runId.map(id -> tagRun.equals(Optional.of(id.toLowerCase(Locale.ROOT)))).orElse(true)) {
                    found.add(new LeftoverVm(vm.vmid(), vm.name().orElse(""), node.node(), vm.status(), tagRun));
                }
            }
            return Either.right(List.copyOf(found));
        });
    }

    private static Either<ActionFailure, ActionResult> removeAll(ActionContext ctx, PveAccess.Node node, List<LeftoverVm> vms) {
        List<String> removed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (LeftoverVm vm : vms) {
            VmPower.destroy(ctx, node, vm.vmid(), vm.name(), TASK)
                    .peek(done -> done.ifPresent(removed::add))
                    .peekLeft(f -> failed.add(f.message()));
        }
        if (!failed.isEmpty()) {
            return Either.left(new ActionFailure.Precondition("could not remove " + failed.size() + " of " + vms.size()
                    + " leftover VMs: " + String.join("; ", failed) + (removed.isEmpty() ? "" : " (removed " + String.join(", ", removed) + ")")));
        }
        return Either.right(ActionResult.of(removed.isEmpty() ? "No leftover VMs on " + node.label()
                : "Removed " + String.join(", ", removed) + " on " + node.label()));
    }
}
