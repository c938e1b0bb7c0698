package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small command set a simulated guest understands, over SSH and through the guest agent:
 * {@code echo}, {@code hostname}, {@code uname [-a|-r|-n]}, {@code cloud-init status},
 * {@code systemctl is-active <unit>}, {@code test -f|-e|-d <path>}, {@code cat <path>},
 * {@code true}, {@code false}, {@code sudo <cmd>}, {@code touch}, {@code id}, {@code useradd}, {@code grep},
 * {@code curl} (only the homestak bootstrap installer), {@code bash}/{@code sh} (running the installer or
 * {@code -c}), {@code homestak status}, {@code apt-get install} ({@code proxmox-ve} makes the guest a PVE),
 * {@code ip link show <dev>}, and on PVE guests {@code pveum user token add|remove} and {@code pvesh}. Commands may be chained with
 * {@code &&}, {@code ||} and {@code ;}, piped with {@code |}, prefixed with {@code NAME=value}, and redirected
 * with {@code >}, {@code >>}, {@code 2>/dev/null}. Anything else exits 127.
 */
final class GuestCommands {

    private static final Set<String> BASE_UNITS =
            Set.of("ssh", "sshd", "qemu-guest-agent", "cron", "systemd-networkd", "systemd-journald");
    private static final Set<String> PVE_UNITS =
            Set.of("pveproxy", "pvedaemon", "pve-cluster", "pvestatd", "pve-firewall", "pvescheduler");

    private GuestCommands() {}

    /** Runs a command line. */
    static Vm.Exec run(Guest guest, String line) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int exit = 0;
        String connector = ";";
        for (String part : splitChain(line)) {
            if (part.equals("&&") || part.equals("||") || part.equals(";")) {
                connector = part;
                continue;
            }
            if ((connector.equals("&&") && exit != 0) || (connector.equals("||") && exit == 0)) {
                continue;
            }
            Vm.Exec result = pipeline(guest, part);
            out.append(result.out());
            err.append(result.err());
            exit = result.exitCode();
        }
        return new Vm.Exec(exit, out.toString(), err.toString());
    }

    /** Runs an argv as the guest agent would; {@code sh -c "..."} runs the string. */
    static Vm.Exec runArgv(Guest guest, List<String> argv) {
        if (argv.size() == 3
                && argv.get(0).matches("(/usr)?(/bin/)?(ba)?sh")
                && argv.get(1).equals("-c")) {
            return run(guest, argv.get(2));
        }
        return runOne(guest, argv, "");
    }

    /** {@code a | b | c}: each stage reads the previous one's output; the last one's exit code counts. */
    private static Vm.Exec pipeline(Guest guest, String part) {
        String stdin = "";
        StringBuilder err = new StringBuilder();
        Vm.Exec result = new Vm.Exec(0, "", "");
        for (String stage : part.split("(?<!\\|)\\|(?!\\|)")) {
            result = redirected(guest, words(stage.trim()), stdin);
            err.append(result.err());
            stdin = result.out();
        }
        return new Vm.Exec(result.exitCode(), result.out(), err.toString());
    }

    /** Leading {@code NAME=value} words, {@code 2>/dev/null}, {@code >/dev/null}, {@code > file}, {@code >> file}. */
    private static Vm.Exec redirected(Guest guest, List<String> words, String stdin) {
        List<String> argv = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        String target = null;
        boolean append = false;
        boolean quiet = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (argv.isEmpty() && w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                env.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
            } else if (w.equals("2>/dev/null") || w.equals("2>&1")) {
                quiet |= w.equals("2>/dev/null");
            } else if (w.equals(">") || w.equals(">>")) {
                append = w.equals(">>");
                target = i + 1 < words.size() ? words.get(++i) : null;
            } else if (w.startsWith(">>") || w.startsWith(">")) {
                append = w.startsWith(">>");
                target = w.substring(append ? 2 : 1);
            } else {
                argv.add(w);
            }
        }
        Vm.Exec result = runOne(guest, argv, env.isEmpty() ? stdin : envLine(env) + stdin);
        String err = quiet ? "" : result.err();
        if (target == null || target.equals("/dev/null")) {
            return new Vm.Exec(result.exitCode(), target == null ? result.out() : "", err);
        }
        guest.state().write(target, result.out(), append);
        return new Vm.Exec(result.exitCode(), "", err);
    }

    /** Environment assignments travel to the command on a first stdin line ({@code #env NAME=value ...}). */
    private static String envLine(Map<String, String> env) {
        StringBuilder line = new StringBuilder(GuestInstall.ENV_PREFIX);
        env.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        return line.append('\n').toString();
    }

    private static Vm.Exec runOne(Guest guest, List<String> argv, String stdin) {
        if (argv.isEmpty()) {
            return ok("");
        }
        String cmd = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        return switch (cmd) {
            case "sudo" -> runOne(guest, args, stdin);
            case "true", "mkdir", "chmod", "chown", "ifreload" -> ok("");
            case "false" -> new Vm.Exec(1, "", "");
            case "echo" -> ok(String.join(" ", args) + "\n");
            case "hostname" -> ok(guest.hostname() + "\n");
            case "uname" -> uname(guest, args);
            case "cloud-init" -> cloudInit(guest, args);
            case "systemctl" -> systemctl(guest, args);
            case "test", "[" -> test(guest, args);
            case "cat" -> cat(guest, args);
            case "touch" -> touch(guest, args);
            case "id" -> GuestUsers.id(guest, args);
            case "useradd" -> GuestUsers.useradd(guest, args);
            case "grep" -> GuestUsers.grep(guest, args, stdin);
            case "curl" -> GuestInstall.curl(args);
            case "bash", "sh" -> GuestInstall.shell(guest, args, stdin);
            case "homestak" -> GuestInstall.homestak(guest, args);
            case "apt-get", "apt" -> GuestInstall.apt(guest, args);
            case "ip" -> GuestNet.ip(guest, args);
            case "pvesh" -> Pvesh.run(guest, args);
            case "pveum" -> guest.pve() ? guest.pveum(args) : notFound(cmd);
            case "pvenode" -> guest.pve() ? Pvenode.run(guest, args) : notFound(cmd);
            default -> notFound(cmd);
        };
    }

    private static Vm.Exec touch(Guest guest, List<String> args) {
        args.forEach(path -> guest.state().write(path, "", true));
        return ok("");
    }

    private static Vm.Exec uname(Guest guest, List<String> args) {
        String kernel = guest.pve() ? "6.17.2-1-pve" : "6.12.48+deb13-amd64";
        String flag = args.isEmpty() ? "-s" : args.get(0);
        return switch (flag) {
            case "-a" ->
                ok("Linux " + guest.hostname() + " " + kernel
                        + " #1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 (2025-09-20) x86_64 GNU/Linux\n");
            case "-r" -> ok(kernel + "\n");
            case "-n" -> ok(guest.hostname() + "\n");
            default -> ok("Linux\n");
        };
    }

    private static Vm.Exec cloudInit(Guest guest, List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("status")) {
            return new Vm.Exec(2, "", "usage: cloud-init status [--wait]\n");
        }
        return ok("status: " + (guest.cloudInitDone() ? "done" : "running") + "\n");
    }

    private static Vm.Exec systemctl(Guest guest, List<String> args) {
        if (args.size() < 2 || !args.get(0).equals("is-active")) {
            return new Vm.Exec(1, "", "systemctl: only 'is-active <unit>' is simulated\n");
        }
        String unit = args.get(1).replaceFirst("\\.service$", "");
        boolean active = BASE_UNITS.contains(unit) || (guest.pve() && PVE_UNITS.contains(unit));
        return active ? ok("active\n") : new Vm.Exec(3, "inactive\n", "");
    }

    private static Vm.Exec test(Guest guest, List<String> args) {
        List<String> operands = args.stream().filter(a -> !a.equals("]")).toList();
        if (operands.size() != 2) {
            return new Vm.Exec(2, "", "test: only -f, -e and -d with one path are simulated\n");
        }
        String path = operands.get(1);
        boolean exists = switch (operands.get(0)) {
            case "-f", "-e" -> guest.file(path).isPresent();
            case "-d" -> path.equals("/") || path.equals("/etc") || path.equals("/root") || path.equals("/tmp");
            default -> false;
        };
        return new Vm.Exec(exists ? 0 : 1, "", "");
    }

    private static Vm.Exec cat(Guest guest, List<String> args) {
        StringBuilder out = new StringBuilder();
        for (String path : args) {
            var content = guest.file(path);
            if (content.isEmpty()) {
                return new Vm.Exec(1, out.toString(), "cat: " + path + ": No such file or directory\n");
            }
            out.append(content.get());
        }
        return ok(out.toString());
    }

    static Vm.Exec notFound(String cmd) {
        return new Vm.Exec(127, "", "bash: line 1: " + cmd + ": command not found\n");
    }

    static Vm.Exec ok(String out) {
        return new Vm.Exec(0, out, "");
    }

    /** Splits on the chain operators, keeping them as separate elements. */
    private static List<String> splitChain(String line) {
        List<String> parts = new ArrayList<>();
        for (String token : line.split("(?=&&|\\|\\||;)|(?<=&&|\\|\\||;)")) {
            if (!token.isBlank()) {
                parts.add(token.trim());
            }
        }
        return parts;
    }

    /** Splits a command into words, honouring single and double quotes (no escapes, no expansion). */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
