package dev.homestak.actions;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Destroys the given VMs, trying every VM even when another fails (a cleanup removes all it can): each
 * VM is stopped if it runs and deleted with purge, up to {@code maxConcurrency} at once; a VM already
 * gone is destroyed. With {@code sameNameOnly}, one {@code GET /cluster/resources} is read first: a VM
 * not listed is skipped and a VM whose id holds a VM of another name is refused (left alone), so a
 * destroy never removes a VM it was not meant for. The result says what happened to each VM
 * ({@link VmTeardown}); the action fails only when the PVE cannot be reached or listed. Writes no facts.
 *
 * @param vms            the VMs, by id and expected name
 * @param target         the host's node or the nested PVE
 * @param sameNameOnly   leave a VM alone whose name is not the expected one
 * @param maxConcurrency VMs destroyed at once (8)
 * @param timeout        limit of each stop and delete task (300 s)
 */
public record DestroyVmsAction(
        List<ProvisionedVm> vms, PveTarget target, boolean sameNameOnly, int maxConcurrency, Duration timeout)
        implements Action<VmTeardown> {

    /** Validates components and copies {@code vms}. */
    public DestroyVmsAction {
        vms = List.copyOf(Objects.requireNonNull(vms, "vms"));
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** Destroys {@code vms} on the host's node, 8 at once, 300 s per task, whatever their names. */
    public static DestroyVmsAction of(List<ProvisionedVm> vms) {
        return new DestroyVmsAction(
                vms, PveTarget.host(), false, StartVmsAction.DEFAULT_CONCURRENCY, Duration.ofSeconds(300));
    }

    /** A copy that destroys on {@code value}. */
    public DestroyVmsAction withTarget(PveTarget value) {
        return new DestroyVmsAction(vms, value, sameNameOnly, maxConcurrency, timeout);
    }

    /** A copy that leaves alone a VM whose id holds a VM with another name. */
    public DestroyVmsAction withSameNameOnly() {
        return new DestroyVmsAction(vms, target, true, maxConcurrency, timeout);
    }

    /** A copy that destroys {@code value} VMs at once. */
    public DestroyVmsAction withMaxConcurrency(int value) {
        return new DestroyVmsAction(vms, target, sameNameOnly, value, timeout);
    }

    /** A copy whose stop and delete tasks may take {@code value} each. */
    public DestroyVmsAction withTimeout(Duration value) {
        return new DestroyVmsAction(vms, target, sameNameOnly, maxConcurrency, value);
    }

    @Override
    public Either<ActionFailure, VmTeardown> run(ActionContext ctx) {
        if (vms.isEmpty()) {
            return Either.right(new VmTeardown(List.of(), List.of(), List.of()));
        }
        return Pve.resolve(ctx, target)
                .flatMap(node -> Teardowns.listingIf(sameNameOnly, ctx, node)
                        .flatMap(listing -> Teardowns.run(ctx, node, vms, listing, maxConcurrency, timeout)));
    }

    @Override
    public String describe() {
        return "destroy " + vms.stream().map(ProvisionedVm::label).toList();
    }
}
