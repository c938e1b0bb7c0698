package dev.homestak.sim.internal;

import java.util.List;
import java.util.Optional;

/** What a command running "inside" a simulated machine can see of it. */
interface Guest {

    /** A stable id, e.g. {@code pve/100}, under which its SSH host key is kept. */
    String id();

    String hostname();

    /** Whether PVE is installed (pveproxy runs, {@code pveum} exists). */
    boolean pve();

    /** Whether cloud-init has finished. */
    boolean cloudInitDone();

    /** The content of a file, if it exists. */
    Optional<String> file(String path);

    /** The output of {@code pveum} with these arguments, as {@code [exitCode, stdout, stderr]}. */
    Vm.Exec pveum(List<String> args);

    /** The certificate fingerprint ({@code AA:BB:...}) this guest's PVE API presents, when it serves one. */
    default java.util.Optional<String> apiFingerprint() {
        return java.util.Optional.empty();
    }

    /** Users, written files and installed software that commands change. */
    GuestState state();

    /** Installs the {@code proxmox-ve} package: the machine becomes a PVE host (already one: no change). */
    void installPve();

    /** The PVE API this machine serves, for {@code pvesh}; empty while it serves none. */
    Optional<ApiServer> api();
}
