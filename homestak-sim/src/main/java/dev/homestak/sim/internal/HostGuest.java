package dev.homestak.sim.internal;

import java.util.List;
import java.util.Optional;

/** The PVE host itself, as seen over SSH on {@code 127.0.0.1} (or a nested PVE's own address). */
final class HostGuest implements Guest {

    private final PveInstance pve;

    HostGuest(PveInstance pve) {
        this.pve = pve;
    }

    @Override
    public String id() {
        return "host/" + pve.node();
    }

    @Override
    public String hostname() {
        return pve.node();
    }

    @Override
    public boolean pve() {
        return true;
    }

    @Override
    public boolean cloudInitDone() {
        return true;
    }

    @Override
    public GuestState state() {
        return pve.hostState();
    }

    @Override
    public void installPve() {
        // already a PVE host
    }

    @Override
    public Optional<ApiServer> api() {
        return Optional.of(pve.apiServer());
    }

    @Override
    public Optional<String> file(String path) {
        Optional<String> written = pve.hostState().file(path);
        if (written.isPresent()) {
            return written;
        }
        return switch (path) {
            case "/etc/hostname" -> Optional.of(pve.node() + "\n");
            case "/etc/pve/.version", "/etc/pve-packages-preinstalled" -> Optional.of("");
            default -> Optional.empty();
        };
    }

    @Override
    public java.util.Optional<String> apiFingerprint() {
        return java.util.Optional.of(pve.fingerprint());
    }

    @Override
    public Vm.Exec pveum(List<String> args) {
        return Pveum.run(pve.tokens(), args);
    }
}
