package ${package};

import dev.homestak.actions.ProxmoxClients;
import dev.homestak.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario of this site against an embedded Proxmox VE simulator ({@code mvn test-compile exec:java},
 * optionally {@code -Dexec.args="<scenario>"}), or a manifest ({@code -Dexec.args="manifest test n2-push"}):
 * starts the simulator, points a copy of {@code site-config/}
 * at it ({@link SimulatorSite}) and runs {@link Main} on node {@value Main#DEFAULT_NODE}.
 */
public final class RunOnSimulator {

    private RunOnSimulator() {
    }

    /** Entry point; exits with {@link Main}'s exit code when the run did not pass. */
    public static void main(String[] args) throws IOException {
        int code = run(List.of(args));
        if (code != 0) {
            // only on failure: exec:java runs main inside Maven's JVM, which exit would end
            System.exit(code);
        }
    }

    /** Runs {@link Main} with {@code args} against a fresh simulator and returns its exit code. */
    static int run(List<String> args) throws IOException {
        Simulator sim = SimulatorSite.start(Main.DEFAULT_NODE);
        Path dir = Files.createTempDirectory("site-on-simulator");
        try (sim; ProxmoxClients clients = SimulatorSite.clients(sim)) {
            System.out.println("simulated Proxmox VE " + sim.node() + " at " + sim.baseUri());
            SimulatorSite site = SimulatorSite.create(sim, Path.of("site-config"), dir, Main.DEFAULT_NODE);
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--node", Main.DEFAULT_NODE, "--site-config", site.siteConfig().toString(),
                    "--identity", site.identity().toString()));
            if (!args.isEmpty() && args.get(0).equals(Main.MANIFEST)) {
                // the deployment lives as long as this simulator: its state too
                all.addAll(List.of("--state", dir.resolve("state").toString()));
            }
            return Main.run(all, clients, System.out, System.err);
        } finally {
            SimulatorSite.delete(dir);
        }
    }
}
