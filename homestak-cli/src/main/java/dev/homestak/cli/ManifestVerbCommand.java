package dev.homestak.cli;

import dev.homestak.manifests.Verb;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The manifest verbs that reach a host: each a subclass naming its {@link ManifestSession.What}. */
abstract class ManifestVerbCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ManifestSourceOptions manifest;

    @Mixin
    SiteConfigOption siteConfig;

    @Mixin
    ManifestFlags flags;

    ManifestVerbCommand(CliEnvironment env) {
        this.env = env;
    }

    abstract ManifestSession.What what();

    @Override
    public Integer call() {
        return new ManifestSession(env, spec.commandLine(), flags, siteConfig)
                .run(what(), manifest.source(env.workingDir()));
    }

    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description =
                    "Create every node (in parallel, a child once its parent is ready); resumes and keeps what is already there.")
    static final class Apply extends ManifestVerbCommand {
        Apply(CliEnvironment env) {
            super(env);
        }

        @Override
        ManifestSession.What what() {
            return new ManifestSession.What.Run(Verb.APPLY);
        }
    }

    @Command(
            name = "destroy",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description =
                    "Remove every node of the deployment, children first (VMs found by state and by tag); asks unless --yes.")
    static final class Destroy extends ManifestVerbCommand {
        Destroy(CliEnvironment env) {
            super(env);
        }

        @Override
        ManifestSession.What what() {
            return new ManifestSession.What.Run(Verb.DESTROY);
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description =
                    "Apply, verify every node over SSH, destroy (also after a failed apply when cleanup_on_failure); writes reports.")
    static final class Test extends ManifestVerbCommand {
        Test(CliEnvironment env) {
            super(env);
        }

        @Override
        ManifestSession.What what() {
            return new ManifestSession.What.Run(Verb.TEST);
        }
    }

    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description =
                    "Per node: create, keep, replace (why) or destroy, from the manifest, the state and the live VMs.")
    static final class Plan extends ManifestVerbCommand {
        Plan(CliEnvironment env) {
            super(env);
        }

        @Override
        ManifestSession.What what() {
            return new ManifestSession.What.ShowPlan();
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "The deployment's live table: name, type, vmid, status, IP, created, age.")
    static final class Status extends ManifestVerbCommand {
        Status(CliEnvironment env) {
            super(env);
        }

        @Override
        ManifestSession.What what() {
            return new ManifestSession.What.ShowStatus();
        }
    }
}
