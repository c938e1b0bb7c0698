package dev.homestak.cli;

import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.scenarios.Phase;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioAttributes;
import dev.homestak.scenarios.spi.ScenarioProvider;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;

/**
 * Scenarios for the CLI's tests, registered through the SPI like a user's own jar: host-less ones that
 * pass or fail, and a VM roundtrip that creates and destroys a VM on the host (the simulator in tests).
 */
public final class CliTestScenarios implements ScenarioProvider {

    @Override
    public List<Scenario> scenarios() {
        Scenario vmDestructor = Scenario.of(
                        "cli-vm-destructor",
                        "Destroy the test VM",
                        List.of(Phase.of("destroy", "Destroy VM", SimVmActions.destroy())))
                .withAttributes(runtime(20).withRequiresConfirmation(true));
        Scenario vmConstructor = Scenario.of(
                        "cli-vm-constructor",
                        "Create the test VM and wait for it",
                        List.of(
                                Phase.of("create", "Create VM", SimVmActions.create()),
                                Phase.of("hold", "Hold the VM until released", SimVmActions.hold())))
                .withAttributes(runtime(70))
                .withCleanup(vmDestructor);
        return List.of(
                Scenario.of(
                                "cli-hello",
                                "Say hello (no host needed)",
                                List.of(
                                        Phase.of("greet", "Say hello", ctx -> {
                                            ctx.progress("hello from the test scenario");
                                            return Either.right(ActionResult.of("said hello"));
                                        }),
                                        Phase.of(
                                                "check",
                                                "Check the greeting",
                                                ctx -> Either.right(ActionResult.of("greeting checked")))))
                        .withAttributes(runtime(5).withRequiresHostConfig(false)),
                Scenario.of(
                                "cli-fail",
                                "Fail in the second phase (no host needed)",
                                List.of(
                                        Phase.of("ok", "Pass", ctx -> Either.right(ActionResult.of("fine"))),
                                        Phase.of(
                                                "boom",
                                                "Fail",
                                                ctx -> Either.left(new ActionFailure.Precondition("boom: disk full"))),
                                        Phase.of(
                                                "after",
                                                "Never reached",
                                                ctx -> Either.right(ActionResult.of("unreachable")))))
                        .withAttributes(runtime(3).withRequiresHostConfig(false)),
                Scenario.of(
                                "cli-lose-context",
                                "Replace the context file's directory by a file (no host needed)",
                                List.of(Phase.of("lose", "Make the context file unwritable", ctx -> {
                                    try {
                                        java.nio.file.Path doomed = java.nio.file.Path.of(String.valueOf(
                                                ctx.facts().asMap().get("doomed_dir")));
                                        try (var files = java.nio.file.Files.list(doomed)) {
                                            for (java.nio.file.Path f : files.toList()) {
                                                java.nio.file.Files.delete(f);
                                            }
                                        }
                                        java.nio.file.Files.delete(doomed);
                                        java.nio.file.Files.writeString(doomed, "a file now");
                                        return Either.right(ActionResult.of(
                                                "replaced " + doomed + " by a file",
                                                dev.homestak.core.Facts.empty()
                                                        .with(dev.homestak.core.Key.integer("made_vm"), 4242)));
                                    } catch (java.io.IOException e) {
                                        return Either.left(new ActionFailure.Precondition(e.toString()));
                                    }
                                })))
                        .withAttributes(runtime(1).withRequiresHostConfig(false)),
                vmConstructor,
                vmDestructor,
                Scenario.roundtrip(
                                "cli-vm-roundtrip",
                                "Create, hold and destroy a VM on the host",
                                vmConstructor,
                                vmDestructor)
                        .withAttributes(runtime(90).withDefaultCleanup(dev.homestak.scenarios.CleanupPolicy.ALWAYS)));
    }

    private static ScenarioAttributes runtime(int seconds) {
        return ScenarioAttributes.defaults().withExpectedRuntime(Duration.ofSeconds(seconds));
    }
}
