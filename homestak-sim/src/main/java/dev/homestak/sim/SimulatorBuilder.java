package dev.homestak.sim;

import dev.homestak.core.Secret;
import dev.homestak.sim.internal.AuthorizedKeys;
import dev.homestak.sim.internal.RequestValidator;
import dev.homestak.sim.internal.Settings;
import dev.homestak.sim.internal.SimRuntime;
import io.vavr.control.Either;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Configures and starts a {@link Simulator}; obtained from {@link Simulator#builder()}. */
public final class SimulatorBuilder {

    private String node = "pve";
    private Clock clock = Clock.systemUTC();
    private Timing timing = Timing.instant();
    private final List<FaultRule> faults = new ArrayList<>();
    private long seed = 1;
    private final List<String> keyLines = new ArrayList<>();
    private final List<String> optionalKeyLines = new ArrayList<>();
    private String keySource = "authorized keys";
    private final List<Secret> extraTokens = new ArrayList<>();
    private int apiPort;
    private int sshPort;
    private Optional<Boolean> perVmAddresses = Optional.empty();
    private boolean innerNonRoutable = true;

    SimulatorBuilder() {}

    /** The node name (default {@code pve}). */
    public SimulatorBuilder node(String value) {
        if (!value.matches("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?")) {
            throw new IllegalArgumentException("not a valid PVE node name: '" + value + "'");
        }
        node = value;
        return this;
    }

    /** The clock simulated time runs on (default the system clock; see {@link dev.homestak.core.ManualClock}). */
    public SimulatorBuilder clock(Clock value) {
        clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** The timing model (default {@link Timing#instant()}). */
    public SimulatorBuilder timing(Timing value) {
        timing = Objects.requireNonNull(value, "timing");
        return this;
    }

    /** Adds a fault rule. */
    public SimulatorBuilder fault(FaultRule rule) {
        faults.add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    /** The seed of the random that rate-based faults draw from (default 1). */
    public SimulatorBuilder seed(long value) {
        seed = value;
        return this;
    }

    /** Takes timing, faults and seed from a profile. */
    public SimulatorBuilder profile(SimProfile profile) {
        profile.timing().ifPresent(this::timing);
        faults.addAll(profile.faults());
        profile.seed().ifPresent(this::seed);
        profile.innerNonRoutable().ifPresent(this::innerNonRoutable);
        return this;
    }

    /**
     * Public keys (OpenSSH lines such as {@code ssh-ed25519 AAAA... user@host}) every VM's SSH
     * server accepts; {@code source} names them in errors (e.g. {@code secrets.yaml ssh_keys}).
     */
    public SimulatorBuilder authorizedKeys(String source, List<String> lines) {
        keySource = Objects.requireNonNull(source, "source");
        keyLines.addAll(lines);
        return this;
    }

    /**
     * Public keys every VM's SSH server also accepts if it can: a line that is not a key, or a key of a type the
     * server does not support here (e.g. {@code ssh-ed25519} when no EdDSA provider is enabled), is skipped.
     * For keys that are welcome but not needed, such as a user's {@code ~/.ssh/*.pub}.
     */
    public SimulatorBuilder authorizedKeysIfSupported(List<String> lines) {
        optionalKeyLines.addAll(lines);
        return this;
    }

    /** Another token the API accepts, in full form {@code user@realm!tokenid=<uuid>} (e.g. the site's). */
    public SimulatorBuilder acceptToken(Secret fullToken) {
        String value = fullToken.reveal();
        if (!value.matches("[^!=\\s]+@[^!=\\s]+![A-Za-z][A-Za-z0-9.\\-_]+=\\S+")) {
            throw new IllegalArgumentException("an API token has the form user@realm!tokenid=<secret>");
        }
        extraTokens.add(fullToken);
        return this;
    }

    /** The API port (default 0: any free port). */
    public SimulatorBuilder apiPort(int value) {
        apiPort = checkPort(value);
        return this;
    }

    /** The SSH port of the host and every VM (default 0: one free port chosen at start). */
    public SimulatorBuilder sshPort(int value) {
        sshPort = checkPort(value);
        return this;
    }

    /** Forces per-VM loopback addresses on or off (default: on where {@code 127.0.0.2} can be bound). */
    public SimulatorBuilder perVmAddresses(boolean value) {
        perVmAddresses = Optional.of(value);
        return this;
    }

    /**
     * Models non-routable inner networks: a nested PVE's API then accepts only connections that the simulator's
     * SSH server forwards ({@code direct-tcpip}, i.e. {@code ssh -L} or a jump through a parent); a direct
     * connection is closed at once. On by default, so that what drives nested PVEs exercises the tunnel path; the root
     * API is always reachable. {@code false} models routable inner networks (nested APIs answer direct connections,
     * as upstream's nested-pve scenario expects of a bridged network).
     */
    public SimulatorBuilder innerNonRoutable(boolean value) {
        innerNonRoutable = value;
        return this;
    }

    /** Starts the simulator: API, SSH server and (unless timing is instant) its ticker. */
    public Either<SimFailure, Simulator> start() {
        Either<String, List<PublicKey>> keys = AuthorizedKeys.parse(keySource, keyLines)
                .map(required -> AuthorizedKeys.plusSupported(required, optionalKeyLines));
        if (keys.isLeft()) {
            return Either.left(new SimFailure.Invalid("authorized keys", keys.getLeft()));
        }
        Settings settings = new Settings(
                node,
                clock,
                timing,
                faults,
                seed,
                validator(),
                keys.get(),
                apiPort,
                sshPort,
                perVmAddresses,
                innerNonRoutable);
        try {
            SimRuntime runtime = SimRuntime.start(settings);
            for (Secret token : extraTokens) {
                String value = token.reveal();
                String full = value.substring(0, value.indexOf('='));
                runtime.root()
                        .acceptToken(
                                full.substring(0, full.indexOf('!')),
                                full.substring(full.indexOf('!') + 1),
                                Secret.of(value.substring(value.indexOf('=') + 1)));
            }
            return Either.right(Simulator.of(runtime));
        } catch (IOException e) {
            return Either.left(new SimFailure.CannotListen(
                    "API port " + apiPort + " / SSH port " + sshPort, String.valueOf(e.getMessage())));
        }
    }

    private static RequestValidator validator() {
        return dev.homestak.sim.internal.SchemaRequestValidator.bundledInBackground();
    }

    private static int checkPort(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + value);
        }
        return value;
    }
}
