package dev.homestak.sim.internal;

import java.util.List;
import java.util.Optional;

/** A simulated VM as seen from inside (over SSH or the guest agent). */
final class VmGuest implements Guest {

    private final Cluster cluster;
    private final Vm vm;

    VmGuest(Cluster cluster, Vm vm) {
        this.cluster = cluster;
        this.vm = vm;
    }

    @Override
    public String id() {
        return cluster.node + "/" + vm.vmid;
    }

    @Override
    public String hostname() {
        synchronized (cluster) {
            return vm.name();
        }
    }

    @Override
    public boolean pve() {
        synchronized (cluster) {
            return vm.pve;
        }
    }

    @Override
    public boolean cloudInitDone() {
        synchronized (cluster) {
            return cluster.guests.cloudInitDone(vm, cluster.now());
        }
    }

    @Override
    public GuestState state() {
        return vm.state;
    }

    @Override
    public void installPve() {
        synchronized (cluster) {
            vm.pve = true;
            cluster.guests.poll(vm, cluster.now());
        }
    }

    @Override
    public Optional<ApiServer> api() {
        synchronized (cluster) {
            return Optional.ofNullable(vm.nested).filter(PveInstance::serving).map(PveInstance::apiServer);
        }
    }

    @Override
    public Optional<String> file(String path) {
        boolean pve = pve();
        Optional<String> written = vm.state.file(path);
        if (written.isPresent()) {
            return written;
        }
        return switch (path) {
            case "/etc/hostname" -> Optional.of(hostname() + "\n");
            case "/etc/os-release" ->
                Optional.of("PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nNAME=\"Debian GNU/Linux\"\n"
                        + "VERSION_ID=\"13\"\nVERSION_CODENAME=trixie\nID=debian\n");
            case "/var/lib/cloud/instance/boot-finished" -> cloudInitDone() ? Optional.of("done\n") : Optional.empty();
            case "/etc/pve-packages-preinstalled" -> pve ? Optional.of("") : Optional.empty();
            case "/etc/pve/.version" -> pve ? Optional.of("{\"version\":1}\n") : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Override
    public java.util.Optional<String> apiFingerprint() {
        synchronized (cluster) {
            return java.util.Optional.ofNullable(vm.nested).map(PveInstance::fingerprint);
        }
    }

    @Override
    public Vm.Exec pveum(List<String> args) {
        PveInstance nested;
        synchronized (cluster) {
            nested = vm.nested;
        }
        if (nested == null) {
            return new Vm.Exec(255, "", "ipcc_send_rec[1] failed: Connection refused\n");
        }
        return Pveum.run(nested.tokens(), args);
    }
}
