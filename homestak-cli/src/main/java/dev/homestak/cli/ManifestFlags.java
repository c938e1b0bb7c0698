package dev.homestak.cli;

import dev.homestak.core.manifest.OnError;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags of the manifest verbs that reach a host (upstream's, plus {@code --parallel} and the state directory). */
final class ManifestFlags {

    @Option(
            names = {"-H", "--host"},
            required = true,
            paramLabel = "HOST",
            description = "Target PVE host: a node of the site-config, or sim (the built-in simulator).")
    String host = "";

    @Option(names = "--dry-run", description = "Show the plan in upstream's dry-run format; change nothing.")
    boolean dryRun;

    @Option(
            names = "--json-output",
            description =
                    "JSON Lines events, then the result {verb, success, duration_seconds, nodes} on stdout; logs on stderr.")
    boolean jsonOutput;

    @Option(
            names = {"--verbose", "-v"},
            description = "Show tool output and retries.")
    boolean verbose;

    @Option(
            names = {"--yes", "-y"},
            description = "Do not ask before destroying.")
    boolean yes;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Node steps running at once per PVE host (default: ${DEFAULT-VALUE}).")
    int parallel = dev.homestak.manifests.ManifestOptions.DEFAULT_PARALLEL;

    @Option(
            names = "--on-error",
            paramLabel = "MODE",
            converter = OnErrorConverter.class,
            description = "stop, rollback or continue (default: the manifest's settings.on_error).")
    @Nullable
    OnError onError;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where reports go (default: reports/).")
    @Nullable
    Path reportDir;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Where deployments keep state and locks (default: $XDG_STATE_HOME/homestak/manifests).")
    @Nullable
    Path stateDir;

    @Option(
            names = "--sim-profile",
            paramLabel = "FILE",
            description = "With -H sim: the simulator's timing and faults (timing: {speed: 0} for instant).")
    @Nullable
    Path simProfile;

    @Option(
            names = "--sim-request-log",
            paramLabel = "FILE",
            description = "With -H sim: write every API request (every level) as JSON Lines (secrets masked).")
    @Nullable
    Path simRequestLog;

    @Option(
            names = "--sim-connection",
            paramLabel = "FILE",
            description = "With -H sim: use the standalone 'homestak sim --connection-file FILE'.")
    @Nullable
    Path simConnection;

    @Option(
            names = "--skip-preflight",
            description = "Accepted for upstream compatibility; manifests run no pre-flight checks.")
    boolean skipPreflight;

    /** {@code stop|rollback|continue}, with the choices in the error. */
    static final class OnErrorConverter implements picocli.CommandLine.ITypeConverter<OnError> {
        @Override
        public OnError convert(String value) {
            return OnError.ofYaml(value.strip().toLowerCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                            "'" + value + "' is not an on_error mode: use stop, rollback or continue"));
        }
    }
}
