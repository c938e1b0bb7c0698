package dev.homestak.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code homestak completion}: prints a completion script for bash and zsh. Load it with
 * {@code source <(homestak completion)}.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {"Print the bash/zsh completion script.", "Use: source <(homestak completion)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("homestak", spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
