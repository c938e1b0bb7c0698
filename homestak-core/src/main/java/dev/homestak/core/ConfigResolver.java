package dev.homestak.core;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves an env for a node into tofu inputs, as the original's {@code ConfigResolver.resolve_env}
 * (§2.4), but strict: an unknown env, node, template or preset is a failure, not an empty result.
 */
public final class ConfigResolver {

    private final SiteConfig site;

    private ConfigResolver(SiteConfig site) {
        this.site = site;
    }

    /** A resolver over a loaded site-config. */
    public static ConfigResolver of(SiteConfig site) {
        return new ConfigResolver(Objects.requireNonNull(site, "site"));
    }

    /**
     * The env {@code envName} deployed to node {@code nodeName}: node, API endpoint and token, SSH user,
     * datastore, root password, SSH keys, and every VM merged preset → template → instance with
     * {@code vmid = vmid_base + index}, bridge and gateway defaults. The node's token must exist.
     */
    public Either<ConfigFailure, ResolvedEnv> resolveEnv(String envName, String nodeName) {
        return site.env(envName)
                .flatMap(env -> site.node(nodeName)
                        .flatMap(node -> node.requireApiToken()
                                .flatMap(token ->
                                        resolveVms(env).map(vms -> new ResolvedEnv(envName, node, token, vms)))));
    }

    private Either<ConfigFailure, List<ResolvedVm>> resolveVms(EnvConfig env) {
        Problems problems = new Problems();
        List<ResolvedVm> vms = new ArrayList<>();
        for (int i = 0; i < env.vms().size(); i++) {
            int index = i;
            VmInstance vm = env.vms().get(i);
            problems.take(resolveVm(env, vm, index)).ifPresent(vms::add);
        }
        return problems.result(() -> vms);
    }

    private Either<ConfigFailure, ResolvedVm> resolveVm(EnvConfig env, VmInstance vm, int index) {
        String path = YamlDoc.index("vms", index);
        Map<String, Object> merged = new LinkedHashMap<>();
        if (vm.template().isPresent()) {
            String name = vm.template().get();
            VmDefinition template = site.templates().get(name);
            if (template == null) {
                return Either.left(new ConfigFailure.Invalid(
                        env.file(),
                        vm.line(),
                        path + ".template",
                        "names unknown template '" + Problems.printable(name) + "' (available: "
                                + names(site.templates()) + "): create "
                                + Problems.fileFor(site.root().resolve("vms"), name)));
            }
            Optional<ConfigFailure> missingPreset = applyPreset(template, merged);
            if (missingPreset.isPresent()) {
                return Either.left(missingPreset.get());
            }
            merged.putAll(template.values());
        }
        merged.putAll(vm.values());
        if (!merged.containsKey("vmid")) {
            env.vmidBase().ifPresent(base -> merged.put("vmid", base + index));
        }
        merged.putIfAbsent("bridge", site.siteDefaults().getOrDefault("bridge", SiteSettings.DEFAULT_BRIDGE));
        Object gateway = site.siteDefaults().get("gateway");
        if (gateway != null) {
            merged.putIfAbsent("gateway", gateway);
        }
        return Either.right(new ResolvedVm(merged));
    }

    private Optional<ConfigFailure> applyPreset(VmDefinition template, Map<String, Object> merged) {
        if (template.preset().isEmpty()) {
            return Optional.empty();
        }
        String name = template.preset().get();
        VmDefinition preset = site.presets().get(name);
        if (preset == null) {
            return Optional.of(new ConfigFailure.Invalid(
                    template.file(),
                    0,
                    "preset",
                    "names unknown preset '" + Problems.printable(name) + "' (available: " + names(site.presets())
                            + "): create " + Problems.fileFor(site.root().resolve("vms/presets"), name)));
        }
        merged.putAll(preset.values());
        return Optional.empty();
    }

    private static String names(Map<String, ?> map) {
        return map.isEmpty() ? "none" : String.join(", ", map.keySet());
    }
}
