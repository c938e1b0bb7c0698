package dev.homestak.cli;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.proxmox.model.DeleteVmRequest;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.function.Function;

/**
 * Actions of the test VM scenario, against the run's host (from the context) through the run's Proxmox clients: create VM
 * {@value #VMID}, hold it (until released by fact {@code release=yes} or until cancelled), destroy it.
 */
final class SimVmActions {

    /** The VM the test scenario creates. */
    static final int VMID = 99901;

    private SimVmActions() {}

    static Action<ActionResult> create() {
        return ctx -> withClient(ctx, pve -> {
            HostConfig host = ctx.requireHost().get();
            // a secret in a progress line: every output of the CLI must mask it
            ctx.progress("creating VM " + VMID + " with token "
                    + host.apiToken().orElseThrow().reveal());
            return pve.node(host.nodeName())
                    .qemu()
                    .create(CreateVmRequest.builder(VMID).name("cli-test").build())
                    .flatMap(task -> task.await(Duration.ofSeconds(30)))
                    .map(done -> ActionResult.of(
                            "VM " + VMID + " created", Facts.empty().with(Facts.vmIdKey("test"), VMID)));
        });
    }

    static Action<ActionResult> hold() {
        return ctx -> {
            if ("yes".equals(ctx.facts().asMap().get("release"))) {
                return Either.right(ActionResult.of("released"));
            }
            ctx.progress("VM " + VMID + ": holding until cancelled…");
            boolean cancelled = ctx.cancellation().await(Duration.ofSeconds(60));
            return cancelled
                    ? Either.left(new ActionFailure.Cancelled(
                            "hold VM " + VMID, ctx.cancellation().reason().orElse("")))
                    : Either.right(ActionResult.of("held for 60s"));
        };
    }

    static Action<ActionResult> destroy() {
        return ctx -> withClient(
                ctx,
                pve -> pve.node(ctx.requireHost().get().nodeName())
                        .qemu(VMID)
                        .delete(DeleteVmRequest.thorough())
                        .flatMap(task -> task.await(Duration.ofSeconds(30)))
                        .map(done -> ActionResult.of("VM " + VMID + " destroyed")));
    }

    private static Either<ActionFailure, ActionResult> withClient(
            ActionContext ctx, Function<ProxmoxClient, Either<ProxmoxFailure, ActionResult>> work) {
        return ctx.requireHost()
                .flatMap(host -> ctx.proxmox().forHost(host))
                .flatMap(pve -> work.apply(pve).<ActionFailure>mapLeft(ActionFailure.Api::new));
    }
}
