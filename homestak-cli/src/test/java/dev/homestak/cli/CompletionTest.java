package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("homestak completion")
class CompletionTest {

    @Test
    @DisplayName("prints a bash/zsh completion script covering the flags, the cleanup policies and the subcommands")
    void script() {
        CliRun run = CliRun.of("completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "complete -F",
                        "homestak",
                        "--scenario",
                        "--host",
                        "--cleanup",
                        "on-success",
                        "sim",
                        "config",
                        "bashcompinit");
    }
}
