package dev.homestak.scenarios.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.DiscoveredVm;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.core.Facts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Typed facts: the structured facts read and write the original's context-file form")
class TypedContextFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a context file written before (no tags in discovered_vms) loads as typed VM lists")
    void earlierFileLoadsTyped() throws IOException {
        Path file = dir.resolve("context.json");
        Files.writeString(file, """
                {
                  "run_id": "old",
                  "provisioned_vms": [{"name": "web", "vmid": 99910}, {"name": "db", "vmid": 99911}],
                  "discovered_vms": [{"vmid": 99801, "name": "nested-pve-1", "status": "running", "node": "pve"}],
                  "web_vm_id": 99910
                }
                """);

        Facts facts = ContextFiles.read(file).get().facts();

        assertThat(facts.get(ActionKeys.PROVISIONED_VMS))
                .contains(List.of(new ProvisionedVm("web", 99910), new ProvisionedVm("db", 99911)));
        assertThat(facts.get(ActionKeys.DISCOVERED_VMS))
                .contains(List.of(new DiscoveredVm(99801, "nested-pve-1", "running", "pve", List.of())));
        assertThat(facts.get(Facts.vmIdKey("web"))).contains(99910);
    }

    @Test
    @DisplayName("typed values are written under the original's names in the original's JSON form")
    void typedValuesWriteOriginalForm() throws IOException {
        Facts facts = Facts.empty()
                .with(ActionKeys.PROVISIONED_VMS, List.of(new ProvisionedVm("web", 99910)))
                .with(
                        ActionKeys.DISCOVERED_VMS,
                        List.of(new DiscoveredVm(99801, "n1", "stopped", "pve", List.of("homestak"))));
        Path file = dir.resolve("out.json");
        ContextFiles.write(file, ContextFiles.context(facts, "r1", Map.of()), Redactor.of(List.of()));

        Map<?, ?> written = new ObjectMapper().readValue(file.toFile(), Map.class);
        assertThat(written.get("provisioned_vms")).isEqualTo(List.of(Map.of("name", "web", "vmid", 99910)));
        assertThat(written.get("discovered_vms"))
                .isEqualTo(List.of(Map.of(
                        "vmid", 99801, "name", "n1", "status", "stopped", "node", "pve", "tags", List.of("homestak"))));
        assertThat(ContextFiles.read(file).get().facts().get(ActionKeys.PROVISIONED_VMS))
                .contains(List.of(new ProvisionedVm("web", 99910)));
    }

    @Test
    @DisplayName("a hand-edited entry without a vmid names the fact and the entry")
    void badEntryNamesFact() {
        Facts facts = Facts.fromMap(Map.of("discovered_vms", List.of(Map.of("name", "x"))));
        assertThatThrownBy(() -> facts.get(ActionKeys.DISCOVERED_VMS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("discovered_vms has an entry without a vmid: {name=x}");
    }
}
