package dev.homestak.cli;

import dev.homestak.core.ConfigResolver;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code homestak config resolve --env E --host H}: the tfvars JSON the tofu path would get. */
@Command(
        name = "resolve",
        mixinStandardHelpOptions = true,
        description = "Print the tfvars JSON that provisioning env ENV on HOST uses (secrets masked).")
final class ConfigResolveCommand implements Callable<Integer> {

    private final CliEnvironment cli;

    @Spec
    CommandSpec spec;

    @Mixin
    SiteConfigOption siteConfig;

    @Option(
            names = {"--env", "-E"},
            required = true,
            paramLabel = "ENV",
            description = "Env name (envs/ENV.yaml).")
    String env;

    @Option(
            names = {"--host", "-H"},
            required = true,
            paramLabel = "HOST",
            description = "Node name (nodes/HOST.yaml), or 'sim'.")
    String host;

    @Option(names = "--reveal-secrets", description = "Print token and password values instead of ***.")
    boolean revealSecrets;

    ConfigResolveCommand(CliEnvironment env) {
        this.cli = env;
    }

    @Override
    public Integer call() {
        if (host.equals(SimHost.NAME)) {
            // the built-in simulated host (its simulator started for this command): the envs of the site it runs with
            return new Targets(cli, siteConfig)
                    .resolve(java.util.Optional.of(host), new RunFlags(), "", true)
                    .fold(failure -> Console.fail(spec, failure), target -> {
                        try (target) {
                            return print(ConfigResolver.of(target.site().orElseThrow())
                                    .resolveEnv(env, host));
                        }
                    });
        }
        return print(siteConfig
                .load(cli.config())
                .flatMap(site -> ConfigResolver.of(site).resolveEnv(env, host)));
    }

    private int print(
            io.vavr.control.Either<? extends dev.homestak.core.Failure, dev.homestak.core.ResolvedEnv> resolved) {
        return resolved.fold(failure -> Console.fail(spec, failure), r -> {
            spec.commandLine().getOut().print(r.toTfvarsJson(revealSecrets));
            return ExitCode.OK;
        });
    }
}
