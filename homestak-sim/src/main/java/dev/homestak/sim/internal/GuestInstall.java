package dev.homestak.sim.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Software installs inside a simulated guest: the homestak bootstrap installer
 * ({@code curl -fsSL <installer> | [HOMESTAK_USER=u] bash}: homestak installed, the user created with a
 * passwordless sudoers rule), {@code homestak status}, and {@code apt-get install} ({@code proxmox-ve} turns
 * the guest into a PVE host). Nothing is downloaded: the simulator has no network.
 */
final class GuestInstall {

    /** The one URL {@code curl} serves: the bootstrap installer (any branch). */
    static final Pattern INSTALLER =
            Pattern.compile("https://raw\\.githubusercontent\\.com/homestak-dev/bootstrap/[^/]+/install\\.sh");
    /** The first line of the installer script {@code curl} prints. */
    static final String SCRIPT = "#!/usr/bin/env bash\n# homestak bootstrap installer (simulated)\n";
    /** The stdin line carrying environment assignments to the command. */
    static final String ENV_PREFIX = "#env";

    private static final Pattern USER = Pattern.compile("(?m)^" + ENV_PREFIX + ".*\\bHOMESTAK_USER=(\\S+)");

    private GuestInstall() {}

    /** {@code curl [-fsSL] URL}: the installer script; any other URL cannot be resolved. */
    static Vm.Exec curl(List<String> args) {
        String url = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        if (INSTALLER.matcher(url).matches()) {
            return GuestCommands.ok(SCRIPT);
        }
        String host = url.replaceFirst("^[a-z]+://", "").replaceFirst("[/:].*$", "");
        return new Vm.Exec(6, "", "curl: (6) Could not resolve host: " + host + "\n");
    }

    /** {@code bash -c CMD}, or {@code bash} reading a script: the installer runs, anything else is refused. */
    static Vm.Exec shell(Guest guest, List<String> args, String stdin) {
        if (args.size() >= 2 && args.get(0).equals("-c")) {
            return GuestCommands.run(guest, args.get(1));
        }
        if (!stdin.contains(SCRIPT)) {
            return new Vm.Exec(
                    stdin.isBlank() ? 0 : 2,
                    "",
                    stdin.isBlank()
                            ? ""
                            : "bash: only the homestak installer can be run from a pipe on a simulated guest\n");
        }
        StringBuilder out = new StringBuilder("homestak: installing ansible, iac-driver, tofu (simulated)\n");
        guest.state().installHomestak();
        Matcher user = USER.matcher(stdin);
        if (user.find()) {
            String name = user.group(1);
            guest.state().addUser(name);
            guest.state().write("/etc/sudoers.d/" + name, name + " ALL=(ALL) NOPASSWD:ALL\n", false);
            out.append("homestak: created user ").append(name).append(" with passwordless sudo\n");
        }
        return GuestCommands.ok(out.append("homestak: installed\n").toString());
    }

    /** {@code homestak status} after the installer ran; else the command does not exist. */
    static Vm.Exec homestak(Guest guest, List<String> args) {
        if (!guest.state().homestakInstalled()) {
            return GuestCommands.notFound("homestak");
        }
        if (args.isEmpty() || !args.get(0).equals("status")) {
            return new Vm.Exec(2, "", "homestak: only 'homestak status' is simulated\n");
        }
        return GuestCommands.ok("Modules:\n  ansible     v0.6.0\n  iac-driver  v0.6.0\n  tofu        v0.6.0\n"
                + "Tools:\n  ansible  2.17\n  tofu     1.9\n");
    }

    /** {@code apt-get update|install -y PKG...}: installing {@code proxmox-ve} makes the guest a PVE host. */
    static Vm.Exec apt(Guest guest, List<String> args) {
        if (args.contains("install") && args.contains("proxmox-ve")) {
            guest.installPve();
            return GuestCommands.ok("Setting up proxmox-ve (9.1.0) ...\n");
        }
        return GuestCommands.ok("");
    }
}
