package dev.homestak.cli;

import dev.homestak.scenarios.CleanupPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of a scenario run, with the original's names and short forms. Plain values only: nothing
 * here loads configuration, so listing scenarios stays cheap.
 */
final class RunFlags {

    /** Canonical names of the options the start-up path reads ({@link FastPath}, {@link Warmup}). */
    static final String SCENARIO = "--scenario";

    static final String LIST_SCENARIOS = "--list-scenarios";
    static final String LIST_PHASES = "--list-phases";
    static final String PREFLIGHT = "--preflight";
    static final String DRY_RUN = "--dry-run";

    @Option(
            names = {SCENARIO, "-S"},
            paramLabel = "NAME",
            description = "Scenario to run (see --list-scenarios).")
    @Nullable
    String scenario;

    @Option(
            names = {"--host", "-H"},
            paramLabel = "HOST",
            description = "Target PVE host: a node of site-config, or 'sim' (the built-in simulated Proxmox VE).")
    @Nullable
    String host;

    @Option(
            names = {"--env", "-E"},
            paramLabel = "ENV",
            description = "Env to provision (envs/ENV.yaml) instead of the scenario's.")
    @Nullable
    String env;

    @Option(
            names = {"--skip", "-s"},
            paramLabel = "PHASE",
            description = "Phase to skip (repeatable).")
    List<String> skip = new ArrayList<>();

    @Option(names = LIST_SCENARIOS, description = "List the scenarios and exit.")
    boolean listScenarios;

    @Option(names = LIST_PHASES, description = "List the phases of --scenario and exit.")
    boolean listPhases;

    @Option(
            names = {"--verbose", "-v"},
            description = "Show commands run and tool output; stack traces of internal errors.")
    boolean verbose;

    @Option(
            names = {"--report-dir", "-r"},
            paramLabel = "DIR",
            description = "Where reports are written (default: reports).")
    @Nullable
    Path reportDir;

    @Option(
            names = "--inner-ip",
            paramLabel = "IP",
            description = "Inner PVE IP (fact inner_ip), e.g. for nested-pve-destructor.")
    @Nullable
    String innerIp;

    @Option(names = "--local", description = "Run on this machine (fact local_mode), e.g. pve-configure.")
    boolean local;

    @Option(names = "--remote", paramLabel = "IP", description = "Remote host IP (fact remote_ip), e.g. pve-configure.")
    @Nullable
    String remote;

    @Option(names = "--vm-ip", paramLabel = "IP", description = "Target VM IP (fact vm_ip), e.g. bootstrap-install.")
    @Nullable
    String vmIp;

    @Option(
            names = "--homestak-user",
            paramLabel = "USER",
            description = "User to create during bootstrap (fact homestak_user).")
    @Nullable
    String homestakUser;

    @Option(
            names = {"--context-file", "-C"},
            paramLabel = "FILE",
            description = "JSON facts read before the run (if it exists) and written after it.")
    @Nullable
    Path contextFile;

    @Option(
            names = {"--timeout", "-t"},
            paramLabel = "SECONDS",
            converter = Converters.Seconds.class,
            description = "Scenario time limit; the running phase is cancelled, then cleanup runs.")
    @Nullable
    Duration timeout;

    @Option(names = DRY_RUN, description = "Show what would run; change nothing, write no report.")
    boolean dryRun;

    @Option(
            names = {"--yes", "-y"},
            description = "Do not ask before destructive scenarios.")
    boolean yes;

    @Option(
            names = "--vm-id",
            paramLabel = "NAME=VMID",
            converter = VmIdOverride.Converter.class,
            description = "Use this VM id for VM NAME (repeatable).")
    List<VmIdOverride> vmIds = new ArrayList<>();

    @Option(names = "--json-output", description = "JSON Lines events and the final result on stdout; logs on stderr.")
    boolean jsonOutput;

    @Option(
            names = "--cleanup",
            paramLabel = "POLICY",
            converter = Converters.Cleanup.class,
            completionCandidates = Converters.CleanupNames.class,
            description = "When cleanup runs: ${COMPLETION-CANDIDATES} (default: the scenario's).")
    @Nullable
    CleanupPolicy cleanup;

    @Option(names = PREFLIGHT, description = "Check readiness (token, host, TLS, tools) and exit.")
    boolean preflight;

    @Option(names = "--skip-preflight", description = "Do not check readiness before the run.")
    boolean skipPreflight;

    @Option(
            names = "--sim-profile",
            paramLabel = "FILE",
            description = "Timing model and faults of the 'sim' host (YAML, see 'homestak sim --help').")
    @Nullable
    Path simProfile;

    @Option(
            names = "--sim-request-log",
            paramLabel = "FILE",
            description = "Write every API request the 'sim' host receives as JSON Lines (secrets masked).")
    @Nullable
    Path simRequestLog;

    @Option(
            names = "--sim-connection",
            paramLabel = "FILE",
            description = "Make --host sim a standalone 'homestak sim' (its --connection-file), kept across commands.")
    @Nullable
    Path simConnection;

    @Option(
            names = "--identity",
            paramLabel = "FILE",
            description =
                    "Private key file to log in with (repeatable); offered after ssh-agent's keys, before site-config ssh_identity and ~/.ssh/config IdentityFile.")
    List<Path> identities = new ArrayList<>();

    /** The scenario name, if given. */
    Optional<String> scenarioName() {
        return Optional.ofNullable(scenario);
    }

    /** The host name, if given. */
    Optional<String> hostName() {
        return Optional.ofNullable(host);
    }
}
