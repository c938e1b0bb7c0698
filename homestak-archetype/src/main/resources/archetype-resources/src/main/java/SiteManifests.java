package ${package};

import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import dev.homestak.manifests.ManifestOptions;
import dev.homestak.manifests.ManifestResult;
import dev.homestak.manifests.ManifestRunner;
import dev.homestak.manifests.Plan;
import dev.homestak.manifests.StateStore;
import dev.homestak.manifests.Verb;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a manifest of {@code site-config/manifests/} against a node with homestak's {@link ManifestRunner}
 * (upstream's {@code manifest apply|destroy|test}, and {@code plan}): {@code Main manifest <verb> <manifest>
 * [--node <node>] [--site-config <dir>] [--reports <dir>] [--state <dir>] [--identity <ssh key file>]}.
 * Deployment state goes to {@code --state}, else homestak's default ({@code ~/.local/state/homestak/manifests}).
 */
final class SiteManifests {

    static final String USAGE = "usage: manifest apply|destroy|test|plan <manifest> [--node <node>]"
            + " [--site-config <dir>] [--reports <dir>] [--state <dir>] [--identity <ssh key file>]";

    private SiteManifests() {
    }

    /**
     * A manifest command line.
     *
     * @param verb     the verb to run; empty for {@code plan}
     * @param manifest the manifest, {@code manifests/<name>.yaml} of the site-config (or a file path)
     * @param common   node, site-config, reports and SSH keys, as for scenarios
     * @param state    the state directory; empty for homestak's default
     */
    record Options(Optional<Verb> verb, String manifest, Main.Options common, Optional<Path> state) {

        static Either<String, Options> parse(List<String> args) {
            if (args.size() < 2 || args.get(1).startsWith("-")) {
                return Either.left("manifest needs a verb and a manifest name (" + USAGE + ")");
            }
            Optional<Verb> verb = Arrays.stream(Verb.values()).filter(v -> v.word().equals(args.get(0))).findFirst();
            if (verb.isEmpty() && !args.get(0).equals("plan")) {
                return Either.left("unknown manifest verb " + args.get(0) + " (" + USAGE + ")");
            }
            List<String> rest = new ArrayList<>(args.subList(2, args.size()));
            Optional<Path> state = Optional.empty();
            int at = rest.indexOf("--state");
            if (at >= 0) {
                if (at + 1 == rest.size()) {
                    return Either.left("--state needs a value (" + USAGE + ")");
                }
                state = Optional.of(Path.of(rest.remove(at + 1)));
                rest.remove(at);
            }
            Optional<Path> chosen = state;
            // the options are the scenario runner's; a further word would be taken as a scenario name
            return Main.Options.parse(rest).flatMap(common -> common.scenario().equals(Main.Options.defaults().scenario())
                    ? Either.right(new Options(verb, args.get(1), common, chosen))
                    : Either.left("unexpected argument " + common.scenario() + " (" + USAGE + ")"));
        }
    }

    /** Runs {@code args} (after {@code manifest}) and returns the exit code: 0 passed, 1 failed, 2 bad input. */
    static int run(List<String> args, ProxmoxClients clients, PrintStream out, PrintStream err) {
        Either<String, Integer> code = Options.parse(args).flatMap(o -> o.verb().isPresent()
                ? run(o, clients, out).map(r -> r.success() ? 0 : 1)
                : plan(o, clients, out).map(p -> {
                    out.print(p.render());
                    return 0;
                }));
        code.swap().forEach(message -> err.println("error: " + message));
        return code.getOrElse(2);
    }

    /** Runs the verb of {@code o} and prints each event and a line per node; the result, or why it could not start. */
    static Either<String, ManifestResult> run(Options o, ProxmoxClients clients, PrintStream out) {
        Verb verb = o.verb().orElseThrow(() -> new IllegalArgumentException("no verb: use plan(...)"));
        return with(o, clients, out, (runner, manifest) -> runner
                .run(verb, manifest, ManifestOptions.defaults())
                .mapLeft(f -> f.message())
                .peek(r -> print(r, o, out)));
    }

    /** What {@code apply} would do (reads only). */
    static Either<String, Plan> plan(Options o, ProxmoxClients clients, PrintStream out) {
        return with(o, clients, out, (runner, manifest) -> runner.plan(manifest).mapLeft(f -> f.message()));
    }

    private interface Use<T> {
        Either<String, T> apply(ManifestRunner runner, Manifest manifest);
    }

    private static <T> Either<String, T> with(Options o, ProxmoxClients clients, PrintStream out, Use<T> use) {
        Main.Options c = o.common();
        return SiteConfig.load(c.siteConfig()).mapLeft(f -> f.message())
                .flatMap(site -> site.host(c.node()).mapLeft(f -> f.message())
                        .flatMap(host -> Manifests.load(ManifestSource.ofFlag(o.manifest()), site).mapLeft(f -> f.message())
                                .flatMap(manifest -> {
                                    try (ManifestRunner runner = runner(o, site, host, clients, out)) {
                                        return use.apply(runner, manifest);
                                    }
                                })));
    }

    private static ManifestRunner runner(Options o, SiteConfig site, HostConfig host, ProxmoxClients clients,
            PrintStream out) {
        Ports.Builder ports = Ports.builder().proxmox(clients);   // SSH: the user's ~/.ssh keys unless --identity
        if (!o.common().identities().isEmpty()) {
            ports.ssh(SshClient.create(SshSettings.builder().defaultPort(host.vmSshPort())
                    .identityFiles(o.common().identities()).build()));
        }
        ManifestRunner.Builder runner = ManifestRunner.builder()
                .hostConfig(host)                 // the target PVE host (-H): its API token is masked
                .site(site)                       // presets, specs, postures
                .ports(ports.build())
                .reportDir(o.common().reports())
                .listener(event -> Main.print(event, out));
        o.state().map(StateStore::at).ifPresent(runner::stateStore);   // else homestak's default
        return runner.build();
    }

    private static void print(ManifestResult r, Options o, PrintStream out) {
        out.println(r.verb().word() + " " + o.manifest() + " on " + o.common().node() + ": "
                + r.report().outcome().name().toLowerCase(Locale.ROOT) + " (reports: " + o.common().reports() + ")");
        r.nodes().forEach(n -> out.println("  " + n.name() + ": " + n.status() + n.vmId().map(id -> " vmid " + id).orElse("")
                + n.error().map(e -> " - " + e).orElse("")));
    }
}
