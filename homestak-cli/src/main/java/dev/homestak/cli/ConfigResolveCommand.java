package dev.homestak.cli;

import dev.homestak.core.ConfigResolver;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code homestak config resolve --env E --host H}: the tfvars JSON the tofu path would get. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Print the tfvars JSON that provisioning env ENV on HOST uses (secrets masked).")
final class ConfigResolveCommand implements Callable<Integer> {

    private final CliEnvironment cli;

    @Spec
    CommandSpec spec;

    @Mixin
    SiteConfigOption siteConfig;

    @Option(names = {"--env", "-E"}, required = true, paramLabel = "ENV", description = "Env name (envs/ENV.yaml).")
    String env;

    @Option(names = {"--host", "-H"}, required = true, paramLabel = "HOST", description = "Node name (nodes/HOST.yaml).")
    String host;

    @Option(names = "--reveal-secrets", description = "Print token and password values instead of ***.")
    boolean revealSecrets;

    ConfigResolveCommand(CliEnvironment env) {
        this.cli = env;
    }

    @Override
    public Integer call() {
        return siteConfig.load(cli.config())
                .flatMap(site -> ConfigResolver.of(site).resolveEnv(env, host))
                .fold(failure -> Console.fail(spec, failure), resolved -> {
                    spec.commandLine().getOut().print(resolved.toTfvarsJson(revealSecrets));
                    return ExitCode.OK;
                });
    }
}
