package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The built-in actions' structured facts keep the original's names and JSON shapes")
class ActionKeysTest {

    @Test
    @DisplayName("provisioned_vms: [{name, vmid}] in the context file, List<ProvisionedVm> for actions")
    void provisionedVms() {
        List<ProvisionedVm> vms = List.of(new ProvisionedVm("web", 99910), new ProvisionedVm("db", 99911));

        Facts facts = Facts.empty().with(ActionKeys.PROVISIONED_VMS, vms);

        assertThat(facts.asMap())
                .containsEntry(
                        "provisioned_vms",
                        List.of(Map.of("name", "web", "vmid", 99910), Map.of("name", "db", "vmid", 99911)));
        assertThat(Facts.fromMap(facts.asMap()).get(ActionKeys.PROVISIONED_VMS)).contains(vms);
    }

    @Test
    @DisplayName(
            "discovered_vms: [{vmid, name, status, node, tags}] in the context file, List<DiscoveredVm> for actions")
    void discoveredVms() {
        DiscoveredVm vm = new DiscoveredVm(99801, "nested-pve", "running", "pve", List.of("homestak"));

        Facts facts = Facts.empty().with(ActionKeys.DISCOVERED_VMS, List.of(vm));

        assertThat(facts.asMap())
                .containsEntry(
                        "discovered_vms",
                        List.of(Map.of(
                                "vmid",
                                99801,
                                "name",
                                "nested-pve",
                                "status",
                                "running",
                                "node",
                                "pve",
                                "tags",
                                List.of("homestak"))));
        assertThat(Facts.fromMap(facts.asMap()).get(ActionKeys.DISCOVERED_VMS)).contains(List.of(vm));
        assertThat(Facts.fromMap(Map.of("discovered_vms", List.of(Map.of("vmid", 5))))
                        .get(ActionKeys.DISCOVERED_VMS))
                .contains(List.of(new DiscoveredVm(5, "", "unknown", "", List.of())));
    }
}
