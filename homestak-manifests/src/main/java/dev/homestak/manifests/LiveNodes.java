package dev.homestak.manifests;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.Actions;
import dev.homestak.actions.DiscoverVmsAction;
import dev.homestak.actions.DiscoveredVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.WaitForGuestAgentAction;
import dev.homestak.actions.WaitForSshAction;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at the deployment's VMs on the host, found by their tag ({@link DiscoverVmsAction}): status, then, for
 * those that run, the guest agent's address and (optionally) whether SSH answers, all VMs at once. A VM that does
 * not answer in time is reported without an address (or SSH): the plan replaces it.
 */
final class LiveNodes {

    private static final Duration PROBE = Duration.ofSeconds(5);
    private static final Key<Integer> PROBE_ID = Key.integer("probe_vm_id");
    private static final Key<String> PROBE_IP = Key.string("probe_ip");

    private LiveNodes() {}

    /** The tagged VMs of the host's node by name; {@code probe} also asks each running one for its IP (and SSH). */
    static Either<ActionFailure, Map<String, LiveVm>> inspect(
            ActionContext ctx, String tag, boolean probe, boolean ssh) {
        return new DiscoverVmsAction(PveTarget.host(), "*", 0, Integer.MAX_VALUE, Optional.of(tag))
                .find(ctx)
                .flatMap(found -> ctx.requireHost()
                        .map(host -> found.stream()
                                .filter(vm -> vm.on(host.nodeName()))
                                .toList()))
                .flatMap(vms -> probe
                        ? probed(ctx, vms, ssh)
                        : Either.right(index(vms.stream()
                                .map(vm -> new LiveVm(vm.name(), vm.vmid(), vm.status(), Optional.empty(), false))
                                .toList())));
    }

    private static Either<ActionFailure, Map<String, LiveVm>> probed(
            ActionContext ctx, List<DiscoveredVm> vms, boolean ssh) {
        List<Action<LiveVm>> probes = vms.stream()
                .<Action<LiveVm>>map(vm -> c -> Either.right(probe(c, vm, ssh)))
                .toList();
        return Actions.parallel(Math.max(1, probes.size()), probes).run(ctx).map(LiveNodes::index);
    }

    private static LiveVm probe(ActionContext ctx, DiscoveredVm vm, boolean ssh) {
        String status = vm.status();
        if (!status.equals("running")) {
            return new LiveVm(vm.name(), vm.vmid(), status, Optional.empty(), false);
        }
        ActionContext c = ctx.withFacts(ctx.facts().with(PROBE_ID, vm.vmid()));
        Optional<String> ip = new WaitForGuestAgentAction(PROBE_ID, PveTarget.host(), PROBE_IP, PROBE)
                .run(c)
                .toJavaOptional()
                .flatMap(r -> r.facts().get(PROBE_IP));
        boolean answers = ssh
                && ip.isPresent()
                && WaitForSshAction.of(PROBE_IP)
                        .withTimeout(PROBE)
                        .run(c.withFacts(c.facts().with(PROBE_IP, ip.get())))
                        .isRight();
        return new LiveVm(vm.name(), vm.vmid(), status, ip, answers);
    }

    private static Map<String, LiveVm> index(List<LiveVm> vms) {
        Map<String, LiveVm> byName = new LinkedHashMap<>();
        vms.forEach(vm -> byName.putIfAbsent(vm.name(), vm));
        return byName;
    }
}
