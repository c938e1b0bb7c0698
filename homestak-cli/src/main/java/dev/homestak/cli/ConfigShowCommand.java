package dev.homestak.cli;

import dev.homestak.actions.SshSettings;
import dev.homestak.core.Failure;
import dev.homestak.core.HostConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code homestak config show --host H}: the merged host config, secrets masked. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Print the merged configuration of one host (site defaults -> node -> secrets), secrets masked.")
final class ConfigShowCommand implements Callable<Integer> {

    private final CliEnvironment cli;

    @Spec
    CommandSpec spec;

    @Mixin
    SiteConfigOption siteConfig;

    @Option(
            names = {"--host", "-H"},
            required = true,
            paramLabel = "HOST",
            description = "Node or host name, or 'sim'.")
    String host;

    ConfigShowCommand(CliEnvironment env) {
        this.cli = env;
    }

    @Override
    public Integer call() {
        if (host.equals(SimHost.NAME)) {
            // the built-in simulated host, as a run would get it (its simulator started for this command)
            return new Targets(cli, siteConfig)
                    .resolve(java.util.Optional.of(host), new RunFlags(), "", true)
                    .fold(failure -> Console.fail(spec, failure), target -> {
                        try (target) {
                            return print(target.host().orElseThrow(), target.ssh());
                        }
                    });
        }
        return siteConfig
                .load(cli.config())
                .<Failure>mapLeft(f -> f)
                .flatMap(site -> site.host(host)
                        .<Failure>mapLeft(f -> f)
                        .flatMap(h ->
                                OperatorSsh.settings(cli, site, h, List.of()).map(ssh -> print(h, ssh))))
                .fold(failure -> Console.fail(spec, failure), code -> code);
    }

    private int print(HostConfig config, SshSettings ssh) {
        HostConfigView.of(config)
                .forEach((key, value) -> spec.commandLine().getOut().println(key + ": " + value));
        SshView.of(config, ssh)
                .forEach((key, value) -> spec.commandLine().getOut().println(key + ": " + value));
        return ExitCode.OK;
    }
}
