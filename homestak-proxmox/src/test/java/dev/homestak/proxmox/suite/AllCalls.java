package dev.homestak.proxmox.suite;

import dev.homestak.proxmox.AgentApi;
import dev.homestak.proxmox.NodeApi;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.SdnApi;
import dev.homestak.proxmox.StorageApi;
import dev.homestak.proxmox.Task;
import dev.homestak.proxmox.Upid;
import dev.homestak.proxmox.VmApi;
import dev.homestak.proxmox.model.CloneVmRequest;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.proxmox.model.DeleteVmRequest;
import dev.homestak.proxmox.model.DownloadUrlRequest;
import dev.homestak.proxmox.model.SdnRequest;
import dev.homestak.proxmox.model.ShutdownRequest;
import dev.homestak.proxmox.model.TokenRequest;
import dev.homestak.proxmox.model.VmConfigUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Calls every operation the client offers once, with realistic arguments, so a server can record them. */
public final class AllCalls {

    /** The UPID of the start task the suite re-attaches to (the same as the WireMock fixtures'). */
    public static final String UPID_START = "UPID:pve:000137B5:00112EB4:6991F9E1:qmstart:100:root@pam!homestak:";

    private AllCalls() {}

    public static List<Object> exercise(ProxmoxClient pve) {
        List<Object> out = new java.util.ArrayList<>();
        out.add(pve.version());
        out.add(pve.nodes());
        NodeApi node = pve.node("pve");
        out.add(node.status());
        out.add(node.sdnZones());
        out.add(pve.cluster().resources(Optional.of("vm")));
        out.add(pve.cluster().resources(Optional.empty()));
        out.add(pve.cluster().nextId());
        out.add(node.qemu().list());
        out.add(node.qemu()
                .create(CreateVmRequest.builder(101)
                        .name("test-vm")
                        .memoryMiB(2048)
                        .cores(2)
                        .ciuser("debian")
                        .sshKeys("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG me@host")
                        .agent(true)
                        .start(false)
                        .option("net0", "virtio,bridge=vmbr0")
                        .option("ipconfig0", "ip=dhcp")
                        .option("scsi0", "local-lvm:0,import-from=local:import/debian-13.qcow2")
                        .option("ide2", "local-lvm:cloudinit")
                        .option("boot", "order=scsi0")
                        .option("serial0", "socket")
                        .option("vga", "serial0")
                        .option("scsihw", "virtio-scsi-pci")
                        .build()));
        VmApi vm = node.qemu(100);
        out.add(vm.config());
        out.add(vm.setConfig(VmConfigUpdate.builder()
                .set("cores", "4")
                .set("memory", "4096")
                .sshKeys("ssh-ed25519 AAAA me@host")
                .delete("ide2")
                .digest("0123456789abcdef0123456789abcdef01234567")
                .build()));
        out.add(vm.updateConfig(
                VmConfigUpdate.builder().set("scsi1", "local-lvm:8").build()));
        out.add(vm.cloneTo(CloneVmRequest.builder(102)
                .name("clone")
                .full(true)
                .storage("local-lvm")
                .target("pve")
                .pool("lab")
                .description("made by homestak")
                .build()));
        out.add(vm.resize("scsi0", "+10G"));
        out.add(vm.status().current());
        out.add(vm.status().start());
        out.add(vm.status().stop());
        out.add(vm.status().shutdown(ShutdownRequest.of(Duration.ofSeconds(60), true)));
        out.add(vm.status().reboot());
        out.add(vm.delete(DeleteVmRequest.thorough()));
        AgentApi agent = vm.agent();
        out.add(agent.ping());
        out.add(agent.networkGetInterfaces());
        out.add(agent.exec(List.of("/bin/sh", "-c", "true")));
        out.add(agent.execStatus(4242));
        out.add(agent.fileRead("/etc/os-release"));
        StorageApi storage = node.storage("local");
        out.add(storage.content(Optional.of("import")));
        out.add(storage.deleteContent("local:import/debian-13.qcow2"));
        out.add(storage.downloadUrl(DownloadUrlRequest.of(
                        "https://cloud.debian.org/images/cloud/trixie/latest/debian-13-genericcloud-amd64.qcow2",
                        "debian-13.qcow2",
                        "import")
                .withChecksum("sha512", "abc123")));
        out.add(pve.access().tokens("root@pam"));
        out.add(pve.access().createToken("root@pam", "homestak", TokenRequest.fullPrivileges("homestak")));
        out.add(pve.access().deleteToken("root@pam", "homestak"));
        SdnApi sdn = pve.cluster().sdn();
        out.add(sdn.zones());
        out.add(sdn.vnets());
        out.add(sdn.subnets("labnet"));
        out.add(sdn.create(SdnRequest.zone("lab", "simple").with("ipam", "pve").with("dhcp", "dnsmasq")));
        out.add(sdn.create(SdnRequest.vnet("labnet", "lab").with("alias", "lab network")));
        out.add(sdn.createSubnet(
                "labnet",
                SdnRequest.subnet("10.10.0.0/24")
                        .with("gateway", "10.10.0.1")
                        .with("snat", "1")
                        .with("dhcp-range", "start-address=10.10.0.100,end-address=10.10.0.200")));
        out.add(sdn.deleteVnet("labnet"));
        out.add(sdn.deleteZone("lab"));
        out.add(sdn.apply());
        Task task = pve.task(Upid.parse(UPID_START).get());
        out.add(task.status());
        out.add(task.log(0, 50));
        out.add(task.stop());
        return out;
    }
}
