package dev.homestak.core;

import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every file of a site-config directory and checks all of them before answering, so one
 * run reports every problem (§4: site.yaml, secrets, nodes/, hosts/, vms/presets/, vms/, envs/).
 */
final class SiteConfigLoader {

    private static final Logger log = LoggerFactory.getLogger(SiteConfigLoader.class);

    private SiteConfigLoader() {}

    static Either<ConfigFailure, SiteConfig> load(Path root, ConfigEnvironment env) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return Either.left(new ConfigFailure.NotFound(
                    List.of(dir.toString()),
                    "that directory does not exist; pass the path of a site-config directory"));
        }
        Problems problems = new Problems();
        SiteDefaults site = SiteDefaults.load(dir, problems);
        Secrets secrets = SecretsLoader.load(dir, env, problems);
        SiteConfig.Builder b =
                SiteConfig.builder(dir).siteDefaults(site.values()).secrets(secrets);
        site.notices().forEach(b::notice);
        each(
                dir.resolve("nodes"),
                problems,
                doc -> NodeBinder.bind(doc, site, secrets, dir, problems).ifPresent(b::host));
        each(dir.resolve("hosts"), problems, doc -> b.host(HostOnlyBinder.bind(doc, site, secrets, problems)));
        each(dir.resolve("vms/presets"), problems, doc -> b.preset(VmBinder.definition(doc, true, problems)));
        each(dir.resolve("vms"), problems, doc -> b.template(VmBinder.definition(doc, false, problems)));
        each(dir.resolve("envs"), problems, doc -> b.env(VmBinder.env(doc, problems)));
        b.catalog(SiteCatalogLoader.load(dir, problems));
        Either<ConfigFailure, SiteConfig> result = problems.result(b::build);
        result.forEach(c -> log.debug(
                "loaded site-config {}: nodes {}, hosts {}, envs {}",
                dir,
                c.nodes().keySet(),
                c.hosts().keySet(),
                c.envs().keySet()));
        return result;
    }

    /** Reads every {@code *.yaml} directly in {@code dir} (a missing directory has none). */
    private static void each(Path dir, Problems problems, Consumer<YamlDoc> bind) {
        for (Path file : SiteCatalogLoader.yamlFiles(dir, problems)) {
            problems.take(YamlReader.read(file)).ifPresent(bind);
        }
    }
}
