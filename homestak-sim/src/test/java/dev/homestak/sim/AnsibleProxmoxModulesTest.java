package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
        "Ansible's community.general Proxmox modules (Debian's ansible package) run unchanged against the simulator")
class AnsibleProxmoxModulesTest {

    @TempDir
    Path dir;

    /** ansible-playbook with community.general's proxmox_kvm, and a Python that has proxmoxer for the modules. */
    static Optional<String> ansible() {
        boolean modules =
                ExternalProcess.succeeds(List.of("ansible-doc", "-t", "module", "community.general.proxmox_kvm"));
        return modules ? ProxmoxerClientTest.python() : Optional.empty();
    }

    @Test
    @DisplayName(
            "proxmox_kvm create/update/clone/start/stop/delete, proxmox_nic, proxmox_disk, proxmox_snap and the info modules; idempotent re-runs change nothing")
    void lifecycle() throws IOException {
        String python = RequiredTools.require(
                "ansible",
                ansible(),
                "apt-get install ansible python3-proxmoxer: the 'ansible' package ships community.general");
        Path playbook =
                Path.of("src/test/resources/clients/ansible_lifecycle.yml").toAbsolutePath();
        try (Simulator sim = Simulator.builder().start().getOrElseThrow(f -> new AssertionError(f.message()))) {
            Path ca = Files.writeString(dir.resolve("sim.pem"), sim.certificatePem());
            String token = sim.apiToken().reveal();
            String user = token.substring(0, token.indexOf('!'));
            String tokenId = token.substring(token.indexOf('!') + 1, token.indexOf('='));
            Path vars = Files.writeString(
                    dir.resolve("vars.json"),
                    "{\"api_host\": \"" + sim.host() + ":" + sim.port()
                            + "\", \"api_user\": \"" + user + "\", \"api_token_id\": \"" + tokenId
                            + "\", \"api_token_secret\": \""
                            + token.substring(token.indexOf('=') + 1) + "\", \"node\": \"" + sim.node() + "\","
                            + " \"ansible_python_interpreter\": \"" + python + "\"}");

            ExternalProcess run = ExternalProcess.run(
                    List.of("ansible-playbook", "-i", "localhost,", playbook.toString(), "-e", "@" + vars),
                    Map.of(
                            "REQUESTS_CA_BUNDLE",
                            ca.toString(),
                            "ANSIBLE_NOCOLOR",
                            "1",
                            "ANSIBLE_LOCALHOST_WARNING",
                            "0",
                            "HOME",
                            dir.toString()),
                    dir,
                    300);

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("failed=0").doesNotContain(token.substring(token.indexOf('=') + 1));
            assertThat(sim.vms()).isEmpty();
        }
    }
}
