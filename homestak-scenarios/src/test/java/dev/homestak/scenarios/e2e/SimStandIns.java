package dev.homestak.scenarios.e2e;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.CancellationToken;
import dev.homestak.actions.PlaybookStandIn;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshEndpoint;
import dev.homestak.actions.SshRequest;
import dev.homestak.actions.SshResult;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.VmView;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented simulator stand-ins for what the simulator cannot run: the playbooks and the bootstrap
 * installer. Each models the effect the scenario then checks, and each first proves over real SSH that the
 * target is reachable (and, where the real playbook needs it, that it is a PVE):
 * <ul>
 *   <li>{@code playbooks/pve-install.yml}: the VM at the target address becomes a PVE ({@code markPveInstalled});</li>
 *   <li>{@code playbooks/nested-pve-setup.yml}: checks {@code systemctl is-active pveproxy} on the target;
 *       the API token is then created for real by {@code pveum} over SSH;</li>
 *   <li>{@code playbooks/pve-setup.yml} and {@code playbooks/user.yml}: check the target answers over SSH
 *       ({@code pveproxy} active for pve-setup) and record the play;</li>
 *   <li>the installer ({@code curl ... install.sh | bash}) marks the VM as installed (and its user created);
 *       {@code homestak status}, {@code id <user>} and the sudoers {@code grep} then answer from that state;
 *       every other command goes to the simulator's SSH unchanged.</li>
 * </ul>
 */
final class SimStandIns {

    private static final Pattern USER = Pattern.compile("HOMESTAK_USER=(\\S+)");

    private final Simulator sim;
    private final SshClient real;
    private final List<String> plays = new CopyOnWriteArrayList<>();
    private final Set<String> installed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> users = new ConcurrentHashMap<>();

    SimStandIns(Simulator sim, SshClient real) {
        this.sim = sim;
        this.real = real;
    }

    /** Every play a stand-in ran, as {@code <playbook>@<host or localhost>}. */
    List<String> plays() {
        return List.copyOf(plays);
    }

    /** The hosts the installer stand-in ran on. */
    Set<String> installedHosts() {
        return Set.copyOf(installed);
    }

    Map<String, PlaybookStandIn> playbooks() {
        Map<String, PlaybookStandIn> map = new LinkedHashMap<>();
        map.put(
                "playbooks/pve-install.yml",
                (run, ctx) -> reachable(run, ctx, "hostname").flatMap(ok -> {
                    Optional<VmView> vm = vmAt(run.host().orElse(""));
                    if (vm.isEmpty()) {
                        return Either.left(new ActionFailure.Precondition(
                                "pve-install stand-in: no simulated VM at " + run.host()));
                    }
                    return sim.markPveInstalled(vm.get().vmid())
                            .<ActionFailure>mapLeft(f -> new ActionFailure.Precondition(f.message()))
                            .map(v -> ActionResult.of("PVE installed on VM " + v.vmid()));
                }));
        map.put("playbooks/nested-pve-setup.yml", (run, ctx) -> reachable(run, ctx, "systemctl is-active pveproxy"));
        map.put("playbooks/pve-setup.yml", (run, ctx) -> reachable(run, ctx, "systemctl is-active pveproxy"));
        map.put("playbooks/user.yml", (run, ctx) -> reachable(run, ctx, "hostname"));
        return map;
    }

    /** The SSH client of the runs: the installer stand-in in front of the simulator's real SSH. */
    SshClient installer() {
        return new SshClient() {
            @Override
            public Either<ActionFailure, SshResult> exec(SshRequest request, CancellationToken cancel) {
                return installerExec(request, cancel);
            }

            @Override
            public SshEndpoint endpoint(String user, String host) {
                return real.endpoint(user, host);
            }
        };
    }

    private Either<ActionFailure, SshResult> installerExec(SshRequest request, CancellationToken cancel) {
        String command = request.command();
        String host = request.target().host();
        if (command.startsWith("curl -fsSL https://raw.githubusercontent.com/homestak-dev/bootstrap/")) {
            return probe(request, cancel).map(r -> {
                installed.add(host);
                Matcher m = USER.matcher(command);
                if (m.find()) {
                    users.put(host, m.group(1));
                }
                return new SshResult(0, "homestak installed\n", "");
            });
        }
        if (command.equals("homestak status")) {
            return probe(request, cancel)
                    .map(r -> installed.contains(host)
                            ? new SshResult(
                                    0,
                                    "Modules:\n  ansible     v0.6.0\n  iac-driver  v0.6.0\n  tofu        v0.6.0\nTools:\n  ansible  2.17\n",
                                    "")
                            : new SshResult(127, "", "bash: line 1: homestak: command not found\n"));
        }
        if (command.startsWith("id ") || command.startsWith("grep -r ")) {
            String user = command.split("\\s+")[command.startsWith("id ") ? 1 : 2];
            return probe(request, cancel)
                    .map(r -> user.equals(users.get(host))
                            ? new SshResult(
                                    0,
                                    command.startsWith("id ")
                                            ? "uid=1000(" + user + ")\n"
                                            : "/etc/sudoers.d/" + user + ":" + user + " ALL=(ALL) NOPASSWD:ALL\n",
                                    "")
                            : new SshResult(1, "", "id: '" + user + "': no such user\n"));
        }
        return real.exec(request, cancel);
    }

    private Either<ActionFailure, SshResult> probe(SshRequest request, CancellationToken cancel) {
        return real.exec(
                        SshRequest.of(request.target(), "true", request.timeout())
                                .via(request.jumps()),
                        cancel)
                .flatMap(r -> r.succeeded()
                        ? Either.right(r)
                        : Either.left(new ActionFailure.ProcessExit(
                                "true on " + request.target(), r.exitCode(), r.stderr())));
    }

    private Either<ActionFailure, ActionResult> reachable(
            PlaybookStandIn.PlaybookRun run, ActionContext ctx, String check) {
        plays.add(run.playbook() + "@" + run.host().orElse("localhost"));
        if (run.host().isEmpty()) {
            return Either.right(ActionResult.of("local play recorded"));
        }
        return real.exec(
                        SshRequest.of(real.endpoint("root", run.host().get()), check, java.time.Duration.ofSeconds(10)),
                        ctx.cancellation())
                .flatMap(r -> r.succeeded()
                        ? Either.right(ActionResult.of(run.playbook() + " modelled"))
                        : Either.left(new ActionFailure.ProcessExit(
                                run.playbook() + " stand-in: '" + check + "' on "
                                        + run.host().get(),
                                r.exitCode(),
                                (r.stdout() + r.stderr()).strip())));
    }

    private Optional<VmView> vmAt(String address) {
        return sim.vms().stream().filter(v -> v.address().equals(address)).findFirst();
    }
}
