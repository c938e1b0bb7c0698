package ${package};

import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import dev.homestak.scenarios.RunEvent;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunReport;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioRegistry;
import dev.homestak.scenarios.ScenarioRunner;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a scenario (this site's or a built-in one) against a node of the site-config, embedding homestak's
 * {@link ScenarioRunner}: {@code Main [<scenario>] [--node <node>] [--site-config <dir>] [--reports <dir>]
 * [--identity <ssh key file>]}. Defaults: {@value SiteScenarios#PREFLIGHT}, node {@value #DEFAULT_NODE},
 * {@code site-config}, {@code target/reports}, the user's {@code ~/.ssh} keys. Exit code 0 when the run
 * passed, 1 when it did not, 2 for bad arguments or site-config. {@code Main manifest <verb> <manifest> ...}
 * runs a manifest instead ({@link SiteManifests}).
 */
public final class Main {

    /** The node the archetype generated. */
    static final String DEFAULT_NODE = "${nodeName}";

    /** The first argument that runs a manifest instead of a scenario. */
    static final String MANIFEST = "manifest";

    private Main() {
    }

    /** Command-line entry point. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Parses {@code args}, runs the scenario and returns the exit code; all output goes to {@code out}/{@code err}. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        try (ProxmoxClients clients = ProxmoxClients.builder().build()) {
            return run(args, clients, out, err);
        }
    }

    /**
     * As {@link #run(List, PrintStream, PrintStream)}, calling Proxmox through {@code clients} (the caller closes
     * them): {@code RunOnSimulator} passes clients that find the simulator's nested PVEs.
     */
    static int run(List<String> args, ProxmoxClients clients, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.get(0).equals(MANIFEST)) {
            return SiteManifests.run(args.subList(1, args.size()), clients, out, err);
        }
        Either<String, Integer> code = Options.parse(args)
                .flatMap(o -> run(o, Ports.builder().proxmox(clients), out)).map(r -> r.passed() ? 0 : 1);
        code.swap().forEach(message -> err.println("error: " + message));
        return code.getOrElse(2);
    }

    /**
     * Loads the site-config, runs {@code o.scenario()} against {@code o.node()} and prints each event; the
     * report, or why the run could not start (a bad site-config, an unknown node or scenario).
     */
    static Either<String, RunReport> run(Options o, PrintStream out) {
        return run(o, Ports.builder(), out);   // only what differs from the runner's own adapters
    }

    private static Either<String, RunReport> run(Options o, Ports.Builder ports, PrintStream out) {
        return SiteConfig.load(o.siteConfig()).mapLeft(f -> f.message())
                .flatMap(site -> site.host(o.node()).mapLeft(f -> f.message())
                        .flatMap(host -> ScenarioRegistry.load().find(o.scenario()).mapLeft(f -> f.message())
                                .flatMap(scenario -> run(o, site, host, scenario, ports, out))));
    }

    private static Either<String, RunReport> run(Options o, SiteConfig site, HostConfig host, Scenario scenario,
            Ports.Builder ports, PrintStream out) {
        if (!o.identities().isEmpty()) {
            ports.ssh(SshClient.create(SshSettings.builder().defaultPort(host.vmSshPort()).identityFiles(o.identities()).build()));
        }
        try (ScenarioRunner runner = ScenarioRunner.builder()
                .hostConfig(host)                 // the node; its API token and root password are masked
                .site(site)                       // the envs built-in scenarios resolve, loaded once
                .ports(ports.build())
                .reportDir(o.reports())
                .listener(event -> print(event, out))
                .build()) {
            return runner.run(scenario, RunOptions.builder().timeout(Duration.ofMinutes(30)).build())
                    .mapLeft(f -> f.message())
                    .peek(r -> out.println(r.outcome() + " " + r.scenario() + " on " + r.host()
                            + r.failureSummary().map(why -> ": " + why).orElse("") + " (reports: " + o.reports() + ")"));
        }
    }

    /** Prints a run event as one line (phase names of manifests are {@code <node>/<step>}). */
    static void print(RunEvent event, PrintStream out) {
        switch (event) {
            case RunEvent.PhaseStarted e -> out.println("[" + e.phase() + "] " + e.description());
            case RunEvent.Progress e -> out.println("[" + e.phase() + "]   " + e.line());
            case RunEvent.PhasePassed e -> out.println("[" + e.phase() + "] ok: " + e.message());
            case RunEvent.PhaseFailed e -> out.println("[" + e.phase() + "] FAILED: " + e.message());
            case RunEvent.PhaseSkipped e -> out.println("[" + e.phase() + "] skipped: " + e.reason());
            default -> { }
        }
    }

    /**
     * The command line.
     *
     * @param scenario   the scenario name
     * @param node       the node, a {@code nodes/<node>.yaml} of the site-config
     * @param siteConfig the site-config directory
     * @param reports    where the JSON, Markdown and JUnit XML reports go
     * @param identities SSH private keys for the VMs (empty: the user's {@code ~/.ssh} keys)
     */
    record Options(String scenario, String node, Path siteConfig, Path reports, List<Path> identities) {

        static final String USAGE = "usage: [<scenario>] [--node <node>] [--site-config <dir>] [--reports <dir>]"
                + " [--identity <ssh key file>]";

        Options {
            identities = List.copyOf(identities);
        }

        static Options defaults() {
            return new Options(SiteScenarios.PREFLIGHT, DEFAULT_NODE, Path.of("site-config"), Path.of("target/reports"),
                    List.of());
        }

        Options withScenario(String value) {
            return new Options(value, node, siteConfig, reports, identities);
        }

        Options withNode(String value) {
            return new Options(scenario, value, siteConfig, reports, identities);
        }

        Options withSiteConfig(Path value) {
            return new Options(scenario, node, value, reports, identities);
        }

        Options withReports(Path value) {
            return new Options(scenario, node, siteConfig, value, identities);
        }

        Options withIdentity(Path value) {
            return new Options(scenario, node, siteConfig, reports,
                    Stream.concat(identities.stream(), Stream.of(value)).toList());
        }

        static Either<String, Options> parse(List<String> args) {
            Options o = defaults();
            int i = 0;
            while (i < args.size()) {
                String arg = args.get(i);
                if (!arg.startsWith("-")) {
                    o = o.withScenario(arg);
                    i++;
                    continue;
                }
                if (i + 1 == args.size()) {
                    return Either.left(arg + " needs a value (" + USAGE + ")");
                }
                String value = args.get(i + 1);
                switch (arg) {
                    case "--node" -> o = o.withNode(value);
                    case "--site-config" -> o = o.withSiteConfig(Path.of(value));
                    case "--reports" -> o = o.withReports(Path.of(value));
                    case "--identity" -> o = o.withIdentity(Path.of(value));
                    default -> {
                        return Either.left("unknown option " + arg + " (" + USAGE + ")");
                    }
                }
                i += 2;
            }
            return Either.right(o);
        }
    }
}
