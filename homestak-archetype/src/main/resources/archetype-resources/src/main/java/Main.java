package ${package};

import dev.homestak.actions.ActionContext;
import dev.homestak.core.Facts;
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

/**
 * Runs a scenario (this site's or a built-in one) against a node of the site-config, embedding homestak's
 * {@link ScenarioRunner}:
 * {@code Main [<scenario>] [--node <node>] [--site-config <dir>] [--reports <dir>]}.
 * Defaults: {@value SiteScenarios#PREFLIGHT}, node {@value #DEFAULT_NODE}, {@code site-config}, {@code target/reports}.
 * Exit code 0 when the run passed, 1 when it did not, 2 for bad arguments or site-config.
 */
public final class Main {

    /** The node the archetype generated. */
    static final String DEFAULT_NODE = "${nodeName}";

    private Main() {
    }

    /** Command-line entry point. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Parses {@code args}, runs the scenario and returns the exit code; all output goes to {@code out}/{@code err}. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        Either<String, Integer> code = Options.parse(args)
                .flatMap(o -> SiteConfig.load(o.siteConfig()).mapLeft(f -> f.message())
                        .flatMap(site -> site.host(o.node()).mapLeft(f -> f.message()))
                        .flatMap(host -> run(o, host, ActionContext.builder().build(), out)))
                .map(report -> report.passed() ? 0 : 1);
        code.swap().forEach(message -> err.println("error: " + message));
        return code.getOrElse(2);
    }

    /** Runs {@code o.scenario()} against {@code host}, printing each event; the report, or why it could not start. */
    static Either<String, RunReport> run(Options o, HostConfig host, ActionContext ports, PrintStream out) {
        Either<String, Scenario> scenario = ScenarioRegistry.load().find(o.scenario()).mapLeft(f -> f.message());
        ScenarioRunner runner = ScenarioRunner.builder()
                .host(host.name())
                .actionContext(ports)
                .reportDir(o.reports())
                .listener(event -> print(event, out))
                .redact(host.apiToken().stream().toList())
                .build();
        RunOptions options = RunOptions.builder()
                .timeout(Duration.ofMinutes(30))
                .initialFacts(Facts.empty()
                        .with(SiteTarget.SITE_CONFIG, o.siteConfig().toAbsolutePath().toString())
                        .with(SiteTarget.NODE, host.name()))
                .build();
        return scenario.flatMap(s -> runner.run(s, options).mapLeft(f -> f.message()))
                .peek(report -> out.println(report.outcome() + " " + report.scenario() + " on " + report.host()
                        + report.failureSummary().map(why -> ": " + why).orElse("") + " (reports: " + o.reports() + ")"));
    }

    private static void print(RunEvent event, PrintStream out) {
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
     */
    record Options(String scenario, String node, Path siteConfig, Path reports) {

        static Either<String, Options> parse(List<String> args) {
            Options o = new Options(SiteScenarios.PREFLIGHT, DEFAULT_NODE, Path.of("site-config"), Path.of("target/reports"));
            int i = 0;
            while (i < args.size()) {
                String arg = args.get(i);
                if (!arg.startsWith("-")) {
                    o = new Options(arg, o.node(), o.siteConfig(), o.reports());
                    i++;
                    continue;
                }
                if (i + 1 == args.size()) {
                    return Either.left(arg + " needs a value");
                }
                String value = args.get(i + 1);
                switch (arg) {
                    case "--node" -> o = new Options(o.scenario(), value, o.siteConfig(), o.reports());
                    case "--site-config" -> o = new Options(o.scenario(), o.node(), Path.of(value), o.reports());
                    case "--reports" -> o = new Options(o.scenario(), o.node(), o.siteConfig(), Path.of(value));
                    default -> {
                        return Either.left("unknown option " + arg
                                + " (usage: [<scenario>] [--node <node>] [--site-config <dir>] [--reports <dir>])");
                    }
                }
                i += 2;
            }
            return Either.right(o);
        }
    }
}
