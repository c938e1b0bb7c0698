package dev.homestak.sim.internal;

import java.util.List;
import java.util.Map;

/** {@code pveum user token add|remove} inside a simulated PVE guest, against its token store. */
final class Pveum {

    private Pveum() {}

    static Vm.Exec run(TokenStore tokens, List<String> args) {
        if (args.size() < 5 || !args.get(0).equals("user") || !args.get(1).equals("token")) {
            return new Vm.Exec(255, "", "pveum: only 'user token add|remove <userid> <tokenid>' is simulated\n");
        }
        String user = args.get(3);
        String tokenId = args.get(4);
        try {
            return switch (args.get(2)) {
                case "add" -> add(tokens, user, tokenId, args.subList(5, args.size()));
                case "remove", "delete" -> {
                    tokens.remove(user, tokenId);
                    yield new Vm.Exec(0, "", "");
                }
                default -> new Vm.Exec(255, "", "400 unknown command 'pveum user token " + args.get(2) + "'\n");
            };
        } catch (PveError e) {
            return new Vm.Exec(255, "", e.getMessage() + "\n");
        }
    }

    private static Vm.Exec add(TokenStore tokens, String user, String tokenId, List<String> options) {
        boolean privsep = !option(options, "--privsep").equals("0");
        String comment = option(options, "--comment");
        String expire = option(options, "--expire");
        TokenStore.Token token =
                tokens.create(user, tokenId, privsep, comment, expire.isEmpty() ? 0 : Long.parseLong(expire));
        Map<String, Object> json = AccessRoutes.tokenJson(token);
        if (option(options, "--output-format").startsWith("json")) {
            return new Vm.Exec(0, ApiJson.write(json) + "\n", "");
        }
        String table = "┌──────────────┬──────────────────────────────────────┐\n"
                + row("key", "value")
                + "╞══════════════╪══════════════════════════════════════╡\n"
                + row("full-tokenid", token.fullId())
                + row("info", ApiJson.write(json.get("info")))
                + row("value", token.value().reveal())
                + "└──────────────┴──────────────────────────────────────┘\n";
        return new Vm.Exec(0, table, "");
    }

    private static String row(String key, String value) {
        return String.format(java.util.Locale.ROOT, "│ %-12s │ %-36s │%n", key, value);
    }

    private static String option(List<String> options, String name) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals(name) && i + 1 < options.size()) {
                return options.get(i + 1);
            }
            if (options.get(i).startsWith(name + "=")) {
                return options.get(i).substring(name.length() + 1);
            }
        }
        return "";
    }
}
