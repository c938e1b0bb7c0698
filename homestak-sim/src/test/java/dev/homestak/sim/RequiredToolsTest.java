package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

@DisplayName("third-party tool tests: skipped with one line when the tool is missing, unless HOMESTAK_REQUIRE_TOOLS names it")
class RequiredToolsTest {

    @Test
    @DisplayName("a found tool is returned")
    void found() {
        assertThat(RequiredTools.require("proxmoxer", Optional.of("/usr/bin/python3"), "apt-get install x"))
                .isEqualTo("/usr/bin/python3");
    }

    @Test
    @DisplayName("a missing tool that is not required aborts the test (skipped) with the install hint")
    void missingSkips() {
        assertThatThrownBy(() -> RequiredTools.require("no-such-tool-xyz", Optional.empty(), "apt-get install xyz"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no-such-tool-xyz is not installed (apt-get install xyz)");
    }

    @Test
    @DisplayName("the variable is a comma-separated list of tool names")
    void list() {
        assertThat(RequiredTools.required("ansible", "ansible-playbook, ssh-keygen,ansible")).isTrue();
        assertThat(RequiredTools.required("ansible", "ansible-playbook,proxmoxer")).isFalse();
        assertThat(RequiredTools.required("ansible", "")).isFalse();
    }
}
