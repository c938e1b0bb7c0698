package dev.homestak.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.scenarios.builtin.BuiltInScenarios;
import dev.homestak.scenarios.builtin.ScenarioActions;
import io.vavr.control.Either;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The original's eight scenarios")
class BuiltInScenariosTest {

    final List<String> ran = new CopyOnWriteArrayList<>();

    /** A ScenarioActions whose every action records "method(args)" and passes, or fails for {@code failing}. */
    ScenarioActions recording(String failing) {
        return (ScenarioActions) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ScenarioActions.class}, (proxy, method, args) -> {
                    String label = method.getName() + (args == null ? "" : Arrays.toString(args));
                    Action<ActionResult> action = ctx -> {
                        ran.add(label);
                        return label.equals(failing)
                                ? Either.left(new ActionFailure.Precondition(label + " failed"))
                                : Either.right(ActionResult.of(label));
                    };
                    return action;
                });
    }

    Map<String, Scenario> catalog(String failing) {
        return BuiltInScenarios.all(recording(failing)).stream()
                .collect(Collectors.toMap(Scenario::name, Function.identity()));
    }

    @Test
    @DisplayName("have the original's names, phase counts, phase names, order and descriptions (golden --list-phases)")
    void listPhases() throws IOException {
        Map<String, Scenario> all = catalog("");
        assertThat(all.keySet())
                .containsExactlyInAnyOrder(
                        "simple-vm-constructor",
                        "simple-vm-destructor",
                        "simple-vm-roundtrip",
                        "nested-pve-constructor",
                        "nested-pve-destructor",
                        "nested-pve-roundtrip",
                        "pve-configure",
                        "bootstrap-install");
        StringBuilder listing = new StringBuilder();
        all.keySet().stream().sorted().forEach(name -> {
            Scenario s = all.get(name);
            listing.append(name)
                    .append(" (")
                    .append(s.phases().size())
                    .append("): ")
                    .append(s.description())
                    .append('\n');
            listing.append("Phases for scenario '").append(name).append("':\n");
            s.phases()
                    .forEach(p -> listing.append("  ")
                            .append(p.name())
                            .append(": ")
                            .append(p.description())
                            .append('\n'));
        });
        assertThat(listing.toString())
                .isEqualTo(Files.readString(Path.of("src/test/resources/golden/list-phases.txt")));
    }

    @Test
    @DisplayName("roundtrips are composed from constructor and destructor (the same phases), with cleanup always")
    void composed() {
        Map<String, Scenario> all = catalog("");
        for (String family : List.of("simple-vm", "nested-pve")) {
            Scenario rt = all.get(family + "-roundtrip");
            Scenario c = all.get(family + "-constructor");
            Scenario d = all.get(family + "-destructor");
            assertThat(rt.phases()).containsExactlyElementsOf(concat(c.phases(), d.phases()));
            assertThat(rt.cleanup()).containsExactlyElementsOf(d.phases());
            assertThat(rt.attributes().defaultCleanup()).isEqualTo(CleanupPolicy.ALWAYS);
            assertThat(c.attributes().defaultCleanup()).isEqualTo(CleanupPolicy.NEVER);
            assertThat(d.attributes().requiresConfirmation()).isTrue();
        }
    }

    @Test
    @DisplayName("a failing phase of nested-pve-roundtrip still runs the whole destructor")
    void failingRoundtripCleansUp() {
        Scenario rt = catalog("installPve").get("nested-pve-roundtrip");
        RunReport report = ScenarioRunner.builder()
                .noReports()
                .build()
                .run(rt, RunOptions.defaults())
                .get();
        assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(ran)
                .containsExactly(
                        "provision[nested-pve]",
                        "startVm[nested-pve]",
                        "waitForIp[nested-pve, inner_ip]",
                        "installPve",
                        "cleanupOnInner",
                        "stopInner",
                        "destroyInner");
        assertThat(report.phases())
                .filteredOn(p -> p.status() == PhaseStatus.NOT_RUN)
                .hasSize(6);
        assertThat(report.cleanup().cleaned()).hasSize(3);
    }

    private static List<Phase> concat(List<Phase> a, List<Phase> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
