package dev.homestak.cli;

import dev.homestak.core.ConfigFailure;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestNode;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import dev.homestak.core.manifest.NodeType;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code homestak manifest validate}: checks a manifest against the schema and the site-config without
 * contacting any host. Exit 0 with a one-line summary, or 2 with every problem on a line of its own.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Check a manifest (schema, names, vmids, parents, presets, specs, postures, images); needs no host.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0    the manifest is valid", "  2    it is not: every problem, one per line"})
final class ManifestValidateCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ManifestSourceOptions manifest;

    @Mixin
    SiteConfigOption siteConfig;

    ManifestValidateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ManifestSource source = manifest.source(env.workingDir());
        return siteConfig
                .load(env.config())
                .fold(failure -> Console.fail(spec, failure), site -> validate(source, site));
    }

    private int validate(ManifestSource source, SiteConfig site) {
        PrintWriter err = spec.commandLine().getErr();
        site.notices().forEach(n -> err.println("homestak: notice: " + n));
        return Manifests.load(source, site).fold(failure -> problems(source, failure), m -> {
            spec.commandLine().getOut().println(summary(m));
            return ExitCode.OK;
        });
    }

    private int problems(ManifestSource source, ConfigFailure failure) {
        if (!(failure instanceof ConfigFailure.ProblemList list)) {
            return Console.fail(spec, failure);
        }
        PrintWriter err = spec.commandLine().getErr();
        list.lines().forEach(err::println);
        int n = list.problems().size();
        err.println("homestak: " + source.describe() + " is not valid: " + n + (n == 1 ? " problem" : " problems"));
        return ExitCode.USAGE;
    }

    /** {@code OK manifest n3-deep: 3 nodes (2 pve, 1 vm), 3 levels, from …/manifests/n3-deep.yaml}. */
    static String summary(Manifest m) {
        List<ManifestNode> nodes = m.nodes();
        String types = Arrays.stream(NodeType.values())
                .map(t -> nodes.stream().filter(n -> n.type() == t).count() + " " + t.yamlName())
                .filter(s -> !s.startsWith("0 "))
                .collect(Collectors.joining(", "));
        int levels = 1 + nodes.stream().mapToInt(n -> m.depth(n.name())).max().orElse(0);
        return "OK manifest " + m.name() + ": " + nodes.size() + (nodes.size() == 1 ? " node (" : " nodes (") + types
                + "), " + levels + (levels == 1 ? " level" : " levels") + ", from " + m.source();
    }
}
