package dev.homestak.sim.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pvesh get|create|set|delete <path> [--key value]...} inside a simulated PVE: the node's own API
 * called as {@code root@pam}, printing the result as JSON (as {@code --output-format json} does); a call that starts
 * a task returns when the task has ended, as the CLI runs workers in the foreground.
 */
final class Pvesh {

    private static final Map<String, String> METHODS =
            Map.of("get", "GET", "ls", "GET", "create", "POST", "set", "PUT", "delete", "DELETE");

    private Pvesh() {}

    static Vm.Exec run(Guest guest, List<String> args) {
        if (guest.api().isEmpty()) {
            return new Vm.Exec(127, "", "bash: line 1: pvesh: command not found\n");
        }
        if (args.size() < 2 || !METHODS.containsKey(args.get(0))) {
            return new Vm.Exec(255, "", "ERROR: unknown command 'pvesh " + String.join(" ", args) + "'\n");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 2; i < args.size(); i++) {
            String word = args.get(i);
            if (!word.startsWith("--")) {
                return new Vm.Exec(255, "", "400 unable to parse option '" + word + "'\n");
            }
            int eq = word.indexOf('=');
            String key = eq > 0 ? word.substring(2, eq) : word.substring(2);
            String value = eq > 0 ? word.substring(eq + 1) : (i + 1 < args.size() ? args.get(++i) : "1");
            if (!key.equals("output-format") && !key.equals("noborder") && !key.equals("noheader")) {
                params.put(key, value);
            }
        }
        String path = args.get(1).startsWith("/") ? args.get(1) : "/" + args.get(1);
        try {
            Object data = guest.api().get().internal(METHODS.get(args.get(0)), path, params);
            if (data instanceof String upid && upid.startsWith("UPID:")) {
                guest.api().get().awaitTask(upid); // the CLI runs the worker in the foreground
            }
            return new Vm.Exec(0, data == null ? "" : ApiJson.write(data) + "\n", "");
        } catch (PveError e) {
            StringBuilder err = new StringBuilder(
                    e.status() == 400 ? "400 Parameter verification failed.\n" : e.getMessage() + "\n");
            e.errors().forEach((k, v) -> err.append(k).append(": ").append(v).append("\n"));
            return new Vm.Exec(255, "", err.toString());
        }
    }
}
