package dev.homestak.manifests;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.DestroyVmsAction;
import dev.homestak.actions.DownloadGitHubReleaseAction;
import dev.homestak.actions.EnsureImageAction;
import dev.homestak.actions.ProvisionVmsAction;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.StartVmAction;
import dev.homestak.actions.VmSelection;
import dev.homestak.actions.WaitForGuestAgentAction;
import dev.homestak.actions.WaitForSshAction;
import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Provisioner;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.core.SiteSettings;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of one node, each an existing {@code homestak-actions} action (the roundtrip's steps): ensure the
 * image, provision (the native provisioner, tagged {@code homestak} + the deployment tag), start, wait for the IP,
 * verify SSH; keep; destroy (only VMs that carry the deployment tag). Facts: {@code <name>_vm_id}, {@code <name>_ip}.
 */
final class NodeSteps {

    static final Duration TASK = Duration.ofSeconds(300);
    static final Duration START = Duration.ofSeconds(60);
    static final Duration WAIT_IP = Duration.ofSeconds(300);
    static final Duration SSH = Duration.ofSeconds(60);

    private NodeSteps() {}

    /** The image in the host's {@code local} storage, fetched from the site's image release when missing. */
    static Action<ActionResult> image(String image) {
        EnsureImageAction ensure = EnsureImageAction.of(image);
        return described(
                "ensure image " + image, ctx -> ensure.run(DownloadGitHubReleaseAction.withDefaultRelease(ctx)));
    }

    /** Creates the node's VM (stopped) with its preset's size, tagged; fact {@code <name>_vm_id}. */
    static Action<ActionResult> provision(NodeSpec spec, String manifest, String tag) {
        return described(
                "provision " + spec.name() + " (" + spec.fingerprint() + ")",
                ctx -> ctx.requireHost().flatMap(host -> {
                    if (host.provisioner() == Provisioner.TOFU) {
                        return Either.left(
                                new ActionFailure.Precondition("host " + host.name() + " uses provisioner: tofu, which "
                                        + "manifests do not support yet; set provisioner: api in its node file"));
                    }
                    return host.requireApiToken()
                            .<ActionFailure>mapLeft(ActionFailure.Config::new)
                            .flatMap(token -> {
                                ResolvedEnv env = new ResolvedEnv(manifest, host, token, List.of(vm(spec, host)));
                                return ProvisionVmsAction.of(env)
                                        .withRunTag(tag)
                                        .withMaxConcurrency(1)
                                        .withTimeout(TASK)
                                        .run(ctx)
                                        .map(r -> ActionResult.of(
                                                r.message()
                                                        .replace(
                                                                "completed for " + manifest,
                                                                "completed for " + spec.name()),
                                                r.facts().without(ActionKeys.PROVISIONED_VMS.name())));
                            });
                }));
    }

    private static ResolvedVm vm(NodeSpec spec, HostConfig host) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", spec.name());
        spec.vmid().ifPresent(id -> a.put("vmid", id));
        a.put("image", spec.image());
        a.put("cores", spec.cores());
        a.put("memory", spec.memoryMb());
        a.put("disk", spec.diskGb());
        SiteSettings site = host.siteSettings();
        a.put("bridge", site.bridgeOrDefault()); // the bridge a pve parent's <node>/network ensures
        site.gateway().ifPresent(gateway -> a.put("gateway", gateway));
        return new ResolvedVm(a);
    }

    static Action<ActionResult> start(String node) {
        return new StartVmAction(Facts.vmIdKey(node), PveTarget.host(), START);
    }

    static Action<ActionResult> waitIp(String node) {
        return new WaitForGuestAgentAction(Facts.vmIdKey(node), PveTarget.host(), Facts.vmIpKey(node), WAIT_IP);
    }

    static Action<ActionResult> verifySsh(String node) {
        return WaitForSshAction.of(Facts.vmIpKey(node)).withTimeout(SSH);
    }

    /** A node left as it is: its facts from the live VM. */
    static Action<ActionResult> keep(String node, LiveVm vm) {
        Facts facts = Facts.empty().with(Facts.vmIdKey(node), vm.vmid());
        Facts all = vm.ip().map(ip -> facts.with(Facts.vmIpKey(node), ip)).orElse(facts);
        String message = "kept: VM " + vm.vmid() + " (" + node + ") " + vm.status()
                + vm.ip().map(ip -> " at " + ip).orElse("");
        return described("keep " + node, ctx -> Either.right(ActionResult.of(message, all)));
    }

    /**
     * Destroys the node's VM (stop, delete with purge): only a VM named {@code node} that carries the deployment
     * {@code tag}; none is already destroyed.
     */
    static Action<ActionResult> destroy(String node, String tag) {
        return described(
                "destroy " + node + " (VMs tagged " + tag + ")",
                ctx -> LiveNodes.inspect(ctx, tag, false, false).flatMap(live -> {
                    LiveVm vm = live.get(node);
                    if (vm == null) {
                        return Either.right(
                                ActionResult.of("No VM " + node + " tagged " + tag + ": nothing to destroy"));
                    }
                    return DestroyVmsAction.of(VmSelection.listed(List.of(new ProvisionedVm(node, vm.vmid()))))
                            .withSameNameOnly()
                            .withMaxConcurrency(1)
                            .withTimeout(TASK)
                            .run(ctx)
                            .flatMap(t -> t.ok()
                                    ? Either.right(
                                            ActionResult.of("Destroyed " + String.join(", ", t.destroyedLabels())))
                                    : Either.<ActionFailure, ActionResult>left(new ActionFailure.Precondition(
                                            "destroying VM " + vm.vmid() + " (" + node + "): "
                                                    + t.failed().get(0).cause().message())));
                }));
    }

    /** {@code body} with {@code text} as what dry-run shows. */
    static Action<ActionResult> described(String text, Action<ActionResult> body) {
        return new Action<>() {
            @Override
            public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
                return body.run(ctx);
            }

            @Override
            public String describe() {
                return text;
            }
        };
    }
}
