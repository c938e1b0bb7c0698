package dev.homestak.actions;

import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.proxmox.model.CreateVmRequest;
import java.util.Optional;

/**
 * The {@code POST /nodes/{node}/qemu} request the native provisioner sends for one resolved VM: the
 * cloud image imported as {@code scsi0}, a cloud-init drive, the site's user, keys and password
 * hash, the IP config, guest agent and serial console, and the homestak tags. Pure: no I/O.
 */
final class NativeVm {

    /** Tag every VM the native provisioner creates carries. */
    static final String TAG = "homestak";

    private NativeVm() {}

    /**
     * The create request for {@code vm} as {@code vmid}.
     *
     * @param imageStorage file storage holding the cloud images as {@code import/<image>.qcow2}
     * @param runTag       a tag naming the run, so that cleanup can find exactly its VMs
     */
    static CreateVmRequest request(
            ResolvedEnv env, ResolvedVm vm, int vmid, String imageStorage, Optional<String> runTag) {
        String datastore = env.datastore();
        CreateVmRequest.Builder b = CreateVmRequest.builder(vmid)
                .name(vm.name())
                .agent(true)
                .ciuser(env.sshUser())
                .option("scsihw", "virtio-scsi-single")
                .option(
                        "scsi0",
                        vm.image()
                                .map(image -> datastore + ":0,import-from=" + imageVolume(imageStorage, image)
                                        + ",discard=on,iothread=1")
                                .orElse(datastore + ":" + vm.disk().orElse(8) + ",discard=on,iothread=1"))
                .option("ide2", datastore + ":cloudinit")
                .option("boot", "order=scsi0")
                .option("net0", "virtio,bridge=" + vm.bridge())
                .option("ipconfig0", ipConfig(vm))
                // a serial console: Debian 12 cloud images panic on first boot without one (the original's tofu module)
                .option("serial0", "socket")
                .option("ostype", "l26")
                .option("cpu", "host")
                .option("tags", TAG + runTag.map(t -> ";" + t).orElse(""));
        vm.cores().ifPresent(b::cores);
        vm.memory().ifPresent(b::memoryMiB);
        if (!env.sshKeys().isEmpty()) {
            b.sshKeys(String.join("\n", env.sshKeys()));
        }
        env.rootPassword().ifPresent(p -> b.option("cipassword", p.reveal()));
        return b.build();
    }

    /** {@code <storage>:import/<image>.qcow2}, where {@link EnsureImageAction} puts a cloud image. */
    static String imageVolume(String storage, String image) {
        return storage + ":import/" + image + ".qcow2";
    }

    /** {@code ip=dhcp}, or {@code ip=<cidr>[,gw=<gateway>]}. */
    static String ipConfig(ResolvedVm vm) {
        String ip = vm.ip().orElse("dhcp");
        if (ip.equals("dhcp")) {
            return "ip=dhcp";
        }
        return "ip=" + ip + vm.gateway().map(gw -> ",gw=" + gw).orElse("");
    }
}
