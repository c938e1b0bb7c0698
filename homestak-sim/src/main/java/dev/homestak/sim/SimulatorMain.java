package dev.homestak.sim;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator standalone until the process is stopped, printing what a client needs: API
 * endpoint, token, certificate fingerprint and the VMs' SSH port.
 *
 * <pre>
 * java -cp ... dev.homestak.sim.SimulatorMain [--port N] [--ssh-port N] [--node NAME]
 *      [--profile FILE] [--authorized-keys FILE]
 * </pre>
 *
 * <p>Without {@code --authorized-keys} the user's {@code ~/.ssh/*.pub} are authorized. Without
 * {@code --ssh-port} port 22 is used when it can be bound, else one free high port.
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    /** Entry point; exits 2 on bad arguments or files, 1 when a port cannot be bound. */
    public static void main(String[] args) throws InterruptedException {
        Either<SimFailure, Simulator> started = start(args, System.out);
        if (started.isLeft()) {
            System.err.println("homestak sim: " + started.getLeft().message());
            System.exit(started.getLeft() instanceof SimFailure.CannotListen ? 1 : 2);
            return;
        }
        Simulator sim = started.get();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sim.close();
                            stopped.countDown();
                        },
                        "sim-shutdown"));
        stopped.await();
    }

    /** Parses the arguments, starts the simulator and prints its endpoint, token, fingerprint and SSH port. */
    static Either<SimFailure, Simulator> start(String[] args, PrintStream out) {
        try {
            return parseAndStart(args, out);
        } catch (IllegalArgumentException e) {
            // bad option values (port numbers, node names) are reported, not thrown
            return Either.left(new SimFailure.Invalid("arguments", e.getMessage()));
        }
    }

    private static Either<SimFailure, Simulator> parseAndStart(String[] args, PrintStream out) {
        SimulatorBuilder builder = Simulator.builder().timing(Timing.realistic().withSpeedFactor(0.1));
        Path keys = null;
        Integer sshPort = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--port" -> builder.apiPort(parsePort(args[i], value));
                case "--ssh-port" -> sshPort = parsePort(args[i], value);
                case "--node" -> builder.node(value);
                case "--profile" -> {
                    Either<SimFailure, SimProfile> profile = SimProfile.load(Path.of(value));
                    if (profile.isLeft()) {
                        return Either.left(profile.getLeft());
                    }
                    builder.profile(profile.get());
                }
                case "--authorized-keys" -> keys = Path.of(value);
                default -> {
                    return Either.left(new SimFailure.Invalid(
                            "arguments",
                            "unknown option '" + args[i]
                                    + "' (known: --port, --ssh-port, --node, --profile, --authorized-keys)"));
                }
            }
            i++;
        }
        Either<SimFailure, List<String>> lines = keys == null ? userKeys() : readKeys(keys);
        if (lines.isLeft()) {
            return Either.left(lines.getLeft());
        }
        builder.authorizedKeys(keys == null ? "~/.ssh/*.pub" : keys.toString(), lines.get());
        builder.sshPort(sshPort != null ? sshPort : (bindable(22) ? 22 : 0));
        return builder.start().peek(sim -> print(sim, out));
    }

    private static void print(Simulator sim, PrintStream out) {
        out.println("homestak simulated Proxmox VE " + sim.node());
        out.println("  endpoint:     " + sim.baseUri());
        out.println("  token:        " + sim.apiToken().reveal());
        out.println("  fingerprint:  " + sim.fingerprintSha256());
        out.println("  ssh port:     " + sim.sshPort()
                + (sim.perVmAddresses()
                        ? " (every VM, at its own 127.x.y.z)"
                        : " (the host; each VM has its own port on 127.0.0.1)"));
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    private static int parsePort(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(option + " needs a port number 0..65535, got '" + value + "'");
    }

    private static Either<SimFailure, List<String>> readKeys(Path file) {
        try {
            return Either.right(Files.readAllLines(file));
        } catch (IOException e) {
            return Either.left(new SimFailure.Unreadable(file, String.valueOf(e.getMessage())));
        }
    }

    private static Either<SimFailure, List<String>> userKeys() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(ssh)) {
            return Either.right(lines);
        }
        try (DirectoryStream<Path> pubs = Files.newDirectoryStream(ssh, "*.pub")) {
            for (Path pub : pubs) {
                lines.addAll(Files.readAllLines(pub));
            }
            return Either.right(lines);
        } catch (IOException e) {
            return Either.left(new SimFailure.Unreadable(ssh, String.valueOf(e.getMessage())));
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
