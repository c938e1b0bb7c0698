package dev.homestak.cli;

import dev.homestak.core.Failure;
import dev.homestak.sim.SimProfile;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.SimulatorBuilder;
import dev.homestak.sim.Timing;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code homestak sim}: serves the simulated Proxmox VE until Ctrl-C, printing what a client needs
 * (endpoint, token, certificate fingerprint, SSH port), optionally logging every API request as JSON Lines.
 */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Serve the simulated Proxmox VE standalone until Ctrl-C.",
            "Prints the API endpoint, the API token, the TLS fingerprint to pin and the VMs' SSH port."
        })
final class SimCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "API port (default: any free port).")
    int port;

    @Option(names = "--ssh-port", paramLabel = "N", description = "SSH port of the VMs (default: any free port).")
    int sshPort;

    @Option(names = "--node", paramLabel = "NAME", description = "PVE node name (default: pve).")
    String node = "pve";

    @Option(names = "--profile", paramLabel = "FILE", description = "Timing model, faults and seed (YAML).")
    @Nullable
    Path profile;

    @Option(
            names = "--connection-file",
            paramLabel = "FILE",
            description =
                    "Write how to reach this simulator (endpoint, token, fingerprint, SSH port and key; mode 600) for "
                            + "'--host sim --sim-connection FILE' runs; deleted when it stops.")
    @Nullable
    Path connectionFile;

    @Option(
            names = "--authorized-keys",
            paramLabel = "FILE",
            description = "OpenSSH public keys every VM accepts, one per line (default: your ~/.ssh/*.pub).")
    @Nullable
    Path authorizedKeys;

    @Option(
            names = "--request-log",
            paramLabel = "FILE",
            description = "Append every API request received as JSON Lines (method, path, parameters; secrets masked).")
    @Nullable
    Path requestLog;

    SimCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Either<Failure, Simulator> started = start();
        if (started.isLeft()) {
            return Console.fail(spec, started.getLeft());
        }
        Either<Failure, Optional<SimRunKeys>> keys = connectionFile == null
                ? Either.right(Optional.empty())
                : SimRunKeys.generate().map(Optional::of);
        if (keys.isLeft()) {
            started.get().close();
            return Console.fail(spec, keys.getLeft());
        }
        try (Simulator sim = started.get();
                RequestLog log =
                        RequestLog.open(sim, Optional.ofNullable(requestLog).map(env.workingDir()::resolve))) {
            Optional<SimConnection> connection = Optional.empty();
            if (keys.get().isPresent()) {
                keys.get().get().publicKeys().forEach(sim::authorizeKey);
                Either<Failure, SimConnection> written = SimConnection.of(
                                env.workingDir().resolve(connectionFile),
                                sim,
                                keys.get().get())
                        .write();
                if (written.isLeft()) {
                    keys.get().get().close();
                    return Console.fail(spec, written.getLeft());
                }
                connection = written.toJavaOptional();
            }
            print(sim, spec.commandLine().getOut());
            connection.ifPresent(c -> spec.commandLine()
                    .getOut()
                    .println("  connection:   " + c.file() + " (use: homestak -H sim --sim-connection " + c.file()
                            + " ...)"));
            spec.commandLine().getOut().flush();
            // the connection file and its key pair go when the simulator goes, also when the process is killed
            Optional<SimConnection> written = connection;
            Runnable forget = () -> {
                written.ifPresent(SimConnection::delete);
                keys.get().ifPresent(SimRunKeys::close);
            };
            Thread onExit = new Thread(forget, "sim-connection-cleanup");
            Runtime.getRuntime().addShutdownHook(onExit);
            CountDownLatch stop = new CountDownLatch(1);
            try (StopSignals.Registration r = env.interrupts().onInterrupt(signal -> stop.countDown())) {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().removeShutdownHook(onExit);
            forget.run();
            spec.commandLine().getOut().println("homestak sim: stopped");
            return ExitCode.OK;
        }
    }

    private Either<Failure, Simulator> start() {
        try {
            SimulatorBuilder builder = Simulator.builder()
                    .node(node)
                    .apiPort(port)
                    .sshPort(sshPort)
                    .timing(Timing.realistic().withSpeedFactor(0.1));
            if (profile != null) {
                Either<? extends Failure, SimProfile> loaded =
                        SimProfile.load(env.workingDir().resolve(profile));
                if (loaded.isLeft()) {
                    return Either.left(loaded.getLeft());
                }
                builder.profile(loaded.get());
            }
            if (authorizedKeys != null) {
                Either<Failure, java.util.List<String>> keys =
                        keyLines(env.workingDir().resolve(authorizedKeys));
                if (keys.isLeft()) {
                    return Either.left(keys.getLeft());
                }
                builder.authorizedKeys(authorizedKeys.toString(), keys.get());
            } else {
                builder.authorizedKeysIfSupported(
                        SimRunKeys.userPublicKeys(env.config().home()));
            }
            return builder.start().<Failure>mapLeft(f -> f);
        } catch (IllegalArgumentException e) {
            // a bad --node or port: the builder's message says which
            return Either.left(new CliFailure(e.getMessage()));
        }
    }

    /** The key lines of an authorized_keys file (blank lines and {@code #} comments left out). */
    private static Either<Failure, java.util.List<String>> keyLines(Path file) {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
            return lines.isEmpty()
                    ? Either.left(new CliFailure("--authorized-keys " + file + " holds no key: put OpenSSH "
                            + "public key lines in it (e.g. the content of ~/.ssh/id_ed25519.pub)"))
                    : Either.right(lines);
        } catch (java.io.IOException e) {
            return Either.left(new CliFailure("--authorized-keys " + file + " cannot be read ("
                    + e.getClass().getSimpleName().replace("Exception", "")
                    + "): give a readable OpenSSH public key file"));
        }
    }

    private static void print(Simulator sim, PrintWriter out) {
        out.println("homestak simulated Proxmox VE, node " + sim.node());
        out.println("  endpoint:     " + sim.baseUri());
        out.println("  token:        " + sim.apiToken().reveal());
        out.println("  fingerprint:  " + sim.fingerprintSha256());
        out.println("  ssh port:     " + sim.sshPort());
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}
