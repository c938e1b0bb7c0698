package dev.homestak.actions;

import dev.homestak.actions.internal.TfvarsFile;
import dev.homestak.actions.internal.TofuJsonStream;
import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the OpenTofu actions share: the original's state layout ({@code <stateRoot>/<env>-<node>/}
 * with {@code terraform.tfstate} and {@code data/} as {@code TF_DATA_DIR}, kept apart because OpenTofu
 * rejects state v4 inside {@code TF_DATA_DIR}), the private tfvars file, and running tofu with its
 * {@code -json} stream parsed.
 */
final class Tofu {

    /** Name of the provisioned VM list fact ({@code [{name, vmid}]}). */
    /** Name of the {@code --vm-id NAME=VMID} overrides fact. */
    private Tofu() {}

    /** The state directory of one env on one node. */
    static Path stateDir(Path stateRoot, String env, String node) {
        return stateRoot.resolve(env + "-" + node);
    }

    /** Runs {@code body} with the tfvars written to a private temp file, deleted afterwards. */
    static <T> Either<ActionFailure, T> withTfvars(
            String env, String node, Map<String, Object> tfvars, Function<Path, Either<ActionFailure, T>> body) {
        Path file;
        try {
            file = TfvarsFile.write("tfvars-" + env + "-" + node + "-", tfvars);
        } catch (IOException e) {
            return Either.left(new ActionFailure.Precondition("cannot write the tfvars file: " + e.getMessage()));
        }
        try {
            return body.apply(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file is only untidy: it is private to the user
            }
        }
    }

    /** {@code tofu init} in {@code dir}: plain output, as the original runs it. */
    static Either<ActionFailure, ProcessResult> init(ActionContext ctx, Path dir, Path dataDir, Duration timeout) {
        ProcessCommand cmd = ProcessCommand.builder(List.of("tofu", "init"))
                .directory(dir)
                .env("TF_DATA_DIR", dataDir.toString())
                .timeout(timeout)
                .build();
        return ctx.run(cmd)
                .flatMap(r -> r.succeeded()
                        ? Either.right(r)
                        : Either.left(new ActionFailure.ProcessExit(
                                "tofu init",
                                r.exitCode(),
                                TofuJsonStream.boxless(r.stderrTail().isEmpty() ? r.stdoutTail() : r.stderrTail()))));
    }

    /** {@code tofu <apply|destroy> -auto-approve -json -state=... -var-file=...} with its stream parsed. */
    static Either<ActionFailure, ProcessResult> change(
            ActionContext ctx, String verb, Path dir, Path stateDir, Path varFile, Duration timeout) {
        ProcessCommand cmd = ProcessCommand.builder(List.of(
                        "tofu",
                        verb,
                        "-auto-approve",
                        "-json",
                        "-state=" + stateDir.resolve("terraform.tfstate"),
                        "-var-file=" + varFile))
                .directory(dir)
                .env("TF_DATA_DIR", stateDir.resolve("data").toString())
                .timeout(timeout)
                .build();
        TofuJsonStream stream = new TofuJsonStream(ctx::progress);
        return ctx.processes()
                .run(cmd, ctx.cancellation(), stream.andThen((kind, line) -> {
                    if (kind == StreamKind.STDERR) {
                        ctx.output(kind, line);
                    }
                }))
                .flatMap(r -> r.succeeded()
                        ? Either.right(r)
                        : Either.left(
                                new ActionFailure.ProcessExit("tofu " + verb, r.exitCode(), stream.failureDetail())));
    }

    /**
     * The VMs of the tfvars ({@code vms[].name/vmid}) with the {@code --vm-id} overrides
     * ({@link RunControl#vmIdOverrides()}) applied, as the original does before writing the file.
     */
    static Map<String, Object> withOverrides(Map<String, Object> tfvars, Map<String, Integer> overrides) {
        if (overrides.isEmpty()) {
            return tfvars;
        }
        List<Object> vms = new ArrayList<>();
        for (Object vm : vmsOf(tfvars)) {
            if (vm instanceof Map<?, ?> m && overrides.containsKey(m.get("name"))) {
                Map<Object, Object> copy = new LinkedHashMap<>(m);
                copy.put("vmid", overrides.get(m.get("name")));
                vms.add(copy);
            } else {
                vms.add(vm);
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>(tfvars);
        copy.put("vms", vms);
        return copy;
    }

    /** {@code <vmname>_vm_id} per named VM with an id, and {@code provisioned_vms}. */
    static Facts vmFacts(Map<String, Object> tfvars) {
        Facts facts = Facts.empty();
        List<ProvisionedVm> provisioned = new ArrayList<>();
        for (Object vm : vmsOf(tfvars)) {
            if (vm instanceof Map<?, ?> m && m.get("name") instanceof String name && vmid(m.get("vmid")) != null) {
                int id = vmid(m.get("vmid"));
                facts = facts.with(Facts.vmIdKey(name), id);
                provisioned.add(new ProvisionedVm(name, id));
            }
        }
        return facts.with(ActionKeys.PROVISIONED_VMS, List.copyOf(provisioned));
    }

    private static List<?> vmsOf(Map<String, Object> tfvars) {
        return tfvars.get("vms") instanceof List<?> list ? list : List.of();
    }

    private static @org.jspecify.annotations.Nullable Integer vmid(@org.jspecify.annotations.Nullable Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("\\d+")) {
            return Integer.valueOf(s);
        }
        return null;
    }
}
