package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
        "@RequiresTool: a test's external tools are looked up on PATH; HOMESTAK_REQUIRE_TOOLS makes them mandatory")
class RequiredToolsTest {

    @Test
    @DisplayName("an executable on one of PATH's directories is found; a missing or non-executable one is not")
    void onPath(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("tool"), "not executable");
        Path tool = Files.writeString(b.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(RequiredTools.onPath("tool", a + ":" + b)).contains(tool);
        assertThat(RequiredTools.onPath("tool", a.toString())).isEmpty();
        assertThat(RequiredTools.onPath("other", a + ":" + b)).isEmpty();
        assertThat(RequiredTools.onPath("tool", null)).isEmpty();
    }

    @Test
    @DisplayName("a tool a test found itself is returned; a missing one skips the test with what to install")
    void require() {
        assertThat(RequiredTools.require("proxmoxer", java.util.Optional.of("/usr/bin/python3"), "apt-get install x"))
                .isEqualTo("/usr/bin/python3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        RequiredTools.require("no-such-tool-xyz", java.util.Optional.empty(), "apt-get install xyz"))
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessageContaining("no-such-tool-xyz is not installed: install it (apt-get install xyz)");
    }

    @Test
    @DisplayName("the switch is a comma-separated list of tool names; unset means none")
    void switchValue() {
        assertThat(RequiredTools.required("ansible-playbook, ssh-keygen,"))
                .containsExactlyInAnyOrder("ansible-playbook", "ssh-keygen");
        assertThat(RequiredTools.required(null)).isEmpty();
        assertThat(RequiredTools.required("")).isEmpty();
    }
}
