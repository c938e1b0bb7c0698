package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code id}, {@code useradd} and {@code grep} inside a simulated guest, on its {@link GuestState}. */
final class GuestUsers {

    private GuestUsers() {}

    /** {@code id [user]}: {@code uid=N(user) gid=N(user) groups=N(user)}; a missing user exits 1. */
    static Vm.Exec id(Guest guest, List<String> args) {
        String user = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("root");
        if (!guest.state().hasUser(user)) {
            return new Vm.Exec(1, "", "id: '" + user + "': no such user\n");
        }
        int uid = guest.state().uid(user);
        String groups = uid == 0 ? "0(root)" : uid + "(" + user + "),27(sudo)";
        return GuestCommands.ok("uid=" + uid + "(" + user + ") gid=" + uid + "(" + user + ") groups=" + groups + "\n");
    }

    /** {@code useradd [options] NAME}: exit 9 when the user exists (as shadow-utils does). */
    static Vm.Exec useradd(Guest guest, List<String> args) {
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.matches("-[sGgcdu]|--(shell|groups|gid|comment|home-dir|uid)")) {
                i++;
            } else if (!a.startsWith("-")) {
                operands.add(a);
            }
        }
        if (operands.size() != 1) {
            return new Vm.Exec(2, "", "Usage: useradd [options] LOGIN\n");
        }
        String user = operands.get(0);
        return guest.state().addUser(user)
                ? GuestCommands.ok("")
                : new Vm.Exec(9, "", "useradd: user '" + user + "' already exists\n");
    }

    /**
     * {@code grep [-r] [-q] PATTERN [PATH...]}: fixed-string match on the written files ({@code -r}: under
     * a directory, lines prefixed with the path) or on the input; exit 1 when nothing matches.
     */
    static Vm.Exec grep(Guest guest, List<String> args, String stdin) {
        boolean recursive = args.contains("-r") || args.contains("-R");
        boolean quiet = args.contains("-q");
        List<String> operands = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (operands.isEmpty()) {
            return new Vm.Exec(2, "", "Usage: grep [OPTION]... PATTERNS [FILE]...\n");
        }
        String pattern = operands.get(0);
        StringBuilder out = new StringBuilder();
        if (operands.size() == 1) {
            stdin.lines()
                    .filter(l -> l.contains(pattern))
                    .forEach(l -> out.append(l).append('\n'));
        } else {
            for (String path : operands.subList(1, operands.size())) {
                Map<String, String> files = recursive
                        ? guest.state().filesUnder(path)
                        : guest.file(path).map(c -> Map.of(path, c)).orElse(Map.of());
                files.forEach((file, content) -> content.lines()
                        .filter(l -> l.contains(pattern))
                        .forEach(l -> out.append(recursive ? file + ":" : "")
                                .append(l)
                                .append('\n')));
            }
        }
        return new Vm.Exec(out.isEmpty() ? 1 : 0, quiet ? "" : out.toString(), "");
    }
}
