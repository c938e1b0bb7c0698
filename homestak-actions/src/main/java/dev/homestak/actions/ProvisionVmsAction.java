package dev.homestak.actions;

import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.model.CreateVmRequest;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The native provisioner (node {@code provisioner: api}): creates the VMs of a resolved env through
 * the PVE API, up to {@code maxConcurrency} at once, each from its cloud image
 * ({@code scsi0: <datastore>:0,import-from=<imageStorage>:import/<image>.qcow2}), grown to its
 * {@code disk} size, with a cloud-init drive (user, the site's SSH keys, the root password hash,
 * {@code ipconfig0} DHCP or CIDR + gateway), guest agent, serial console, and tags {@code homestak}
 * plus the run tag. VMs are created stopped, like the tofu module's {@code started=false}.
 *
 * <p>Writes exactly the facts of {@link TofuApplyAction}: {@code <vmname>_vm_id} per VM and
 * {@code provisioned_vms}; reads {@code vm_id_overrides}. A VM without a {@code vmid} gets the next
 * free one. A VM id already taken by a VM of the same name is taken as already provisioned (a re-run);
 * by another VM it is a failure.
 *
 * @param env            the env resolved for the node (its host config names the node and its API)
 * @param target         where the VMs go: the env's host ({@link PveTarget#host()}) or a nested PVE, whose node
 *                       is the one it lists
 * @param imageStorage   file storage with the cloud images ({@code local})
 * @param runTag         a tag naming the run ({@code run-<id>}), for {@link DiscoverVmsAction#withTag}
 * @param maxConcurrency VMs created at once (8)
 * @param timeout        limit of each create and resize task (300 s, tofu apply's limit)
 */
public record ProvisionVmsAction(
        ResolvedEnv env,
        PveTarget target,
        String imageStorage,
        Optional<String> runTag,
        int maxConcurrency,
        Duration timeout)
        implements Action<ActionResult> {

    /** Validates components. */
    public ProvisionVmsAction {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(imageStorage, "imageStorage");
        Objects.requireNonNull(runTag, "runTag");
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
        runTag.ifPresent(t -> {
            if (!t.matches("[a-z0-9_][a-z0-9_\\-+.]*")) {
                throw new IllegalArgumentException("not a PVE tag: '" + t + "' (lower-case letters, digits, _ - + .)");
            }
        });
    }

    /** Creates {@code env}'s VMs on its host's node from images in {@code local}, 8 at once, 300 s per task, no run tag. */
    public static ProvisionVmsAction of(ResolvedEnv env) {
        return new ProvisionVmsAction(
                env,
                PveTarget.host(),
                "local",
                Optional.empty(),
                StartVmsAction.DEFAULT_CONCURRENCY,
                Duration.ofSeconds(300));
    }

    /** A copy that tags the VMs with {@code tag}. */
    public ProvisionVmsAction withRunTag(String tag) {
        return new ProvisionVmsAction(env, target, imageStorage, Optional.of(tag), maxConcurrency, timeout);
    }

    /** A copy that creates the VMs on {@code value} ({@link PveTarget#nested()}: inside the nested PVE). */
    public ProvisionVmsAction withTarget(PveTarget value) {
        return new ProvisionVmsAction(env, value, imageStorage, runTag, maxConcurrency, timeout);
    }

    /** A copy that creates {@code value} VMs at once. */
    public ProvisionVmsAction withMaxConcurrency(int value) {
        return new ProvisionVmsAction(env, target, imageStorage, runTag, value, timeout);
    }

    /** A copy whose create and resize tasks may take {@code value} each. */
    public ProvisionVmsAction withTimeout(Duration value) {
        return new ProvisionVmsAction(env, target, imageStorage, runTag, maxConcurrency, value);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        List<ResolvedVm> vms = NativeVms.withOverrides(env.vms(), ctx.run().vmIdOverrides());
        return Pve.resolve(ctx, target, env.host())
                .flatMap(node -> assignIds(ctx, node, vms).flatMap(ids -> {
                    List<Action<ProvisionedVm>> creates = new ArrayList<>();
                    for (int i = 0; i < vms.size(); i++) {
                        ResolvedVm vm = vms.get(i);
                        int vmid = ids.get(i);
                        creates.add(c -> create(c, node, vm, vmid));
                    }
                    return Actions.parallel(maxConcurrency, creates)
                            .run(ctx)
                            .map(created -> ActionResult.of(
                                    "API provisioning completed for " + env.env() + " on " + node.node(),
                                    ProvisionedVm.facts(created)));
                }));
    }

    /** The env's ids; VMs without one get the next free ids (PVE's nextid, skipping ids in use). */
    private Either<ActionFailure, List<Integer>> assignIds(ActionContext ctx, Pve.Node node, List<ResolvedVm> vms) {
        if (vms.stream().allMatch(vm -> vm.vmid().isPresent())) {
            return Either.right(vms.stream().map(vm -> vm.vmid().orElseThrow()).toList());
        }
        return Pve.call(
                ctx,
                "finding free VM ids",
                () -> node.client()
                        .cluster()
                        .nextId()
                        .flatMap(next -> node.client()
                                .cluster()
                                .resources(Optional.of("vm"))
                                .map(resources -> {
                                    Set<Integer> taken = new HashSet<>();
                                    resources.forEach(r -> r.vmid().ifPresent(taken::add));
                                    vms.forEach(vm -> vm.vmid().ifPresent(taken::add));
                                    List<Integer> ids = new ArrayList<>();
                                    int candidate = next;
                                    for (ResolvedVm vm : vms) {
                                        if (vm.vmid().isPresent()) {
                                            ids.add(vm.vmid().get());
                                            continue;
                                        }
                                        while (taken.contains(candidate)) {
                                            candidate++;
                                        }
                                        taken.add(candidate);
                                        ids.add(candidate);
                                    }
                                    return ids;
                                })));
    }

    private Either<ActionFailure, ProvisionedVm> create(ActionContext ctx, Pve.Node node, ResolvedVm vm, int vmid) {
        CreateVmRequest request = NativeVm.request(env, vm, vmid, imageStorage, runTag);
        String what = "creating VM " + vm.name() + " (" + vmid + ")";
        Either<ActionFailure, String> created = Pve.call(
                        ctx, what, () -> node.api().qemu().create(request))
                .flatMap(task -> awaitOwn(ctx, what, task))
                .map(done -> "created");
        if (created.isLeft()
                && created.getLeft() instanceof ActionFailure.Api api
                && api.cause() instanceof ProxmoxFailure.AlreadyExists) {
            created = sameName(ctx, node, vm, vmid);
        }
        return created.flatMap(how -> {
                    ctx.progress("VM " + vm.name() + " (" + vmid + ") " + how);
                    return how.equals("created") ? grow(ctx, node, vm, vmid) : Either.right("kept");
                })
                .map(done -> new ProvisionedVm(vm.name(), vmid));
    }

    /**
     * Awaits this action's create task. When the run is cancelled meanwhile (a sibling VM failed, Ctrl-C), PVE's task
     * goes on and holds the VM's lock: it is still awaited to its end (within the task timeout, however cancelled),
     * so the cleanup that follows finds a finished VM it can destroy instead of one locked by this run's own task.
     */
    private Either<ActionFailure, dev.homestak.proxmox.TaskResult> awaitOwn(
            ActionContext ctx, String what, dev.homestak.proxmox.Task task) {
        Either<ActionFailure, dev.homestak.proxmox.TaskResult> done = Pve.await(ctx, what, task, timeout);
        if (done.isLeft() && done.getLeft() instanceof ActionFailure.Cancelled) {
            ctx.progress(what + ": cancelled; waiting for PVE's create task to end before cleanup");
            Pve.await(ctx.withCancellation(CancellationToken.create()), what, task, timeout);
        }
        return done;
    }

    private Either<ActionFailure, String> sameName(ActionContext ctx, Pve.Node node, ResolvedVm vm, int vmid) {
        return Pve.call(ctx, "reading VM " + vmid, () -> node.api().qemu(vmid).config())
                .flatMap(config -> otherRun(config.option("tags").orElse("")).isPresent()
                        ? Either.left(new ActionFailure.Precondition("VM " + vmid + " (" + vm.name()
                                + ") already exists on "
                                + node.node() + " and belongs to run "
                                + otherRun(config.option("tags").orElse("")).get()
                                + ": it is in use by that run, or was left behind by it; destroy it first "
                                + "(simple-vm-destructor or the leftovers cleanup), or pick another vmid"))
                        : config.name().orElse("").equals(vm.name())
                                ? Either.right("already exists")
                                : Either.left(new ActionFailure.Precondition(
                                        "VM " + vmid + " already exists on " + node.node()
                                                + " as '" + config.name().orElse("") + "', not '" + vm.name()
                                                + "': pick another vmid for "
                                                + vm.name() + " (envs/" + env.env() + ".yaml or vm_id_overrides)")));
    }

    /**
     * The run tag of another run on an existing VM: a VM with this env's name that a different run created is
     * never adopted (it may be that run's, in use right now); one of this run, or untagged, is kept.
     */
    private Optional<String> otherRun(String tags) {
        return runTag.flatMap(mine -> {
            // run tags share the part up to "run-" (homestak-run-<id>); the rest is the run id
            String prefix = mine.contains("run-") ? mine.substring(0, mine.indexOf("run-") + 4) : mine;
            return java.util.Arrays.stream(tags.split("[;,\\s]+"))
                    .filter(t -> t.startsWith(prefix) && !t.equals(mine))
                    .map(t -> t.substring(prefix.length()))
                    .findFirst();
        });
    }

    /** Grows {@code scsi0} to the VM's {@code disk} size when the imported image is smaller. */
    private Either<ActionFailure, String> grow(ActionContext ctx, Pve.Node node, ResolvedVm vm, int vmid) {
        if (vm.disk().isEmpty() || vm.image().isEmpty()) {
            return Either.right("no resize");
        }
        long wanted = (long) vm.disk().get() << 30;
        return Pve.call(ctx, "reading VM " + vmid, () -> node.api().qemu(vmid).config())
                .flatMap(config -> {
                    long current = dev.homestak.proxmox.model.DiskSize.bytes(
                            config.option("scsi0").orElse(""));
                    if (current >= wanted) {
                        return Either.right("big enough");
                    }
                    String what = "growing the disk of VM " + vmid + " to "
                            + vm.disk().get() + "G";
                    return Pve.call(
                                    ctx,
                                    what,
                                    () -> node.api()
                                            .qemu(vmid)
                                            .resize("scsi0", vm.disk().get() + "G"))
                            .flatMap(task -> Pve.await(ctx, what, task, timeout))
                            .map(done -> "resized");
                });
    }

    @Override
    public String describe() {
        return "provision " + env.env() + " on " + (target instanceof PveTarget.Nested ? "the nested PVE" : env.node())
                + " (API)";
    }
}
