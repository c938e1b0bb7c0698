package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.proxmox.model.VmConfig;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Optional;

/**
 * Creates one VM of a resolved env through the API: the cloud image imported as {@code scsi0} and resized
 * to the env's disk size, cores, memory, {@code net0} on the env's bridge, a cloud-init drive with the site's
 * user, SSH keys and root password, {@code ipconfig0}, the guest agent, a serial console and the run's tags.
 */
final class VmCreation {

    private final PveAccess.Node node;
    private final ResolvedEnv env;
    private final ResolvedVm vm;
    private final Duration timeout;

    VmCreation(PveAccess.Node node, ResolvedEnv env, ResolvedVm vm, Duration timeout) {
        this.node = node;
        this.env = env;
        this.vm = vm;
        this.timeout = timeout;
    }

    Either<ActionFailure, ProvisionEnvAction.ResolvedVmId> run(ActionContext ctx) {
        return vmid(ctx).flatMap(id -> existing(ctx, id).flatMap(found -> found.isPresent()
                ? keep(ctx, id, found.get())
                : create(ctx, id)).map(done -> new ProvisionEnvAction.ResolvedVmId(vm.name(), id)));
    }

    private Either<ActionFailure, Integer> vmid(ActionContext ctx) {
        Optional<Integer> known = EnvVms.vmid(ctx, vm);
        return known.isPresent() ? Either.right(known.get())
                : PveAccess.call(ctx, "choosing an id for VM " + vm.name() + " on " + node.label(),
                        () -> node.client().cluster().nextId());
    }

    private Either<ActionFailure, Optional<VmConfig>> existing(ActionContext ctx, int id) {
        Either<ProxmoxFailure, VmConfig> config = node.vm(id).config();
        if (config.isLeft() && config.getLeft() instanceof ProxmoxFailure.NotFound
                || config.isLeft() && config.getLeft().message().contains("does not exist")) {
            return Either.right(Optional.empty());
        }
        return PveAccess.call(ctx, "reading VM " + id + " (" + vm.name() + ") on " + node.label(), () -> config)
                .map(Optional::of);
    }

    private Either<ActionFailure, Boolean> keep(ActionContext ctx, int id, VmConfig config) {
        String name = config.options().getOrDefault("name", "");
        if (!name.equals(vm.name())) {
            return Either.left(new ActionFailure.Precondition("VM " + id + " on " + node.label() + " already exists as '"
                    + name + "', not '" + vm.name() + "': choose another id (--vm-id " + vm.name() + "=<id>)"));
        }
        ctx.progress("VM " + id + " (" + vm.name() + ") already exists on " + node.label() + "; kept");
        return Either.right(true);
    }

    private Either<ActionFailure, Boolean> create(ActionContext ctx, int id) {
        String what = "creating VM " + id + " (" + vm.name() + ") on " + node.label();
        ctx.progress(what);
        return PveAccess.task(ctx, what, () -> node.client().node(node.node()).qemu().create(request(ctx, id)), timeout)
                .flatMap(created -> resize(ctx, id))
                .peek(ok -> ctx.progress("created VM " + id + " (" + vm.name() + ")"));
    }

    private Either<ActionFailure, Boolean> resize(ActionContext ctx, int id) {
        if (vm.disk().isEmpty() || vm.image().isEmpty()) {
            return Either.right(true);
        }
        String what = "resizing the disk of VM " + id + " (" + vm.name() + ") to " + vm.disk().get() + "G";
        return PveAccess.task(ctx, what, () -> node.vm(id).resize("scsi0", vm.disk().get() + "G"), timeout).map(r -> true);
    }

    private CreateVmRequest request(ActionContext ctx, int id) {
        String store = env.datastore();
        CreateVmRequest.Builder b = CreateVmRequest.builder(id).name(vm.name()).agent(true)
                .ciuser(env.sshUser())
                .option("net0", "virtio,bridge=" + vm.bridge())
                .option("ide2", store + ":cloudinit")
                .option("serial0", "socket")
                .option("scsihw", "virtio-scsi-single")
                .option("ipconfig0", ipconfig())
                .option("tags", RunTags.forRun(ctx));
        vm.cores().ifPresent(b::cores);
        vm.memory().ifPresent(b::memoryMiB);
        if (!env.sshKeys().isEmpty()) {
            b.sshKeys(String.join("\n", env.sshKeys()));
        }
        env.rootPassword().ifPresent(p -> b.option("cipassword", p.reveal()));
        b.option("scsi0", vm.image().map(image -> store + ":0,import-from=" + Images.volid(image))
                .orElse(store + ":" + vm.disk().orElse(8)));
        return b.build();
    }

    private String ipconfig() {
        String ip = vm.ip().orElse("dhcp");
        return ip.equals("dhcp") ? "ip=dhcp" : "ip=" + ip + vm.gateway().map(gw -> ",gw=" + gw).orElse("");
    }
}
