package dev.homestak.cli;

import picocli.CommandLine.Command;

/** {@code homestak manifest}: the verbs on manifests (schema v2), trees of nodes to build. */
@Command(
        name = "manifest",
        mixinStandardHelpOptions = true,
        description = "Work with manifests (schema v2): trees of vm/pve nodes read from the site-config's manifests/.",
        subcommands = {
            ManifestValidateCommand.class,
            ManifestVerbCommand.Apply.class,
            ManifestVerbCommand.Destroy.class,
            ManifestVerbCommand.Test.class,
            ManifestVerbCommand.Plan.class,
            ManifestVerbCommand.Status.class
        })
final class ManifestCommand {}
