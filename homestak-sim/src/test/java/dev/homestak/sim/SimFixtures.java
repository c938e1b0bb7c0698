package dev.homestak.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the other modules' tests start from when they run homestak against the simulator (this module's test-jar): a
 * simulator whose VMs accept a fresh client key, and a seed-era site-config for it.
 */
public final class SimFixtures {

    private SimFixtures() {}

    /**
     * A started simulator and the key its VMs accept.
     *
     * @param sim the simulator (instant timing unless tuned)
     * @param key the client key, its private key in a file
     */
    public record Keyed(Simulator sim, ClientKey key) {}

    /** Generates a key into {@code keyFile} and starts a simulator accepting it; {@code tune} adds timing, faults. */
    public static Keyed start(Path keyFile, String comment, UnaryOperator<SimulatorBuilder> tune) {
        ClientKey key = ClientKey.generate(keyFile, comment);
        Simulator sim = tune.apply(Simulator.builder()
                        .timing(Timing.instant())
                        .authorizedKeys("test", List.of(key.authorizedKey())))
                .start()
                .getOrElseThrow(f -> new AssertionError(f.message()));
        return new Keyed(sim, key);
    }

    /**
     * A seed-era site-config in {@code dir} for {@code sim}: {@code site.yaml} defaults, {@code nodes/sim.yaml}, preset
     * {@code small}, template {@code test} (debian-12) and env {@code test} (VM 99900), and a {@code secrets.yaml} with
     * the simulator's token and {@code otherTokens}, the VMs' root password hash and the client's public key line as
     * {@code ssh_keys.<keyName>}; a test adds its own nodes, templates and envs.
     */
    public static void writeSeedSite(
            Path dir, Simulator sim, Map<String, String> otherTokens, String vmRootHash, String keyName, String keyLine)
            throws IOException {
        StringBuilder secrets =
                new StringBuilder("api_tokens:\n  sim: \"" + sim.apiToken().reveal() + "\"\n");
        otherTokens.forEach((name, token) -> secrets.append("  " + name + ": \"" + token + "\"\n"));
        secrets.append("passwords:\n  vm_root: \"" + vmRootHash + "\"\n")
                .append("ssh_keys:\n  " + keyName + ": \"" + keyLine + "\"\n");
        Files.createDirectories(dir.resolve("nodes"));
        Files.createDirectories(dir.resolve("envs"));
        Files.createDirectories(dir.resolve("vms/presets"));
        Files.writeString(dir.resolve("site.yaml"), """
                defaults:
                  datastore: local-lvm
                  ssh_user: root
                  packer_release_repo: homestak-dev/packer
                  packer_release: v0.6.0
                """);
        Files.writeString(dir.resolve("secrets.yaml"), secrets.toString());
        Files.writeString(dir.resolve("nodes/sim.yaml"), sim.nodeYaml());
        Files.writeString(dir.resolve("vms/presets/small.yaml"), "cores: 2\nmemory: 2048\ndisk: 8\n");
        Files.writeString(dir.resolve("vms/test.yaml"), "image: debian-12\npreset: small\ndisk: 10\n");
        Files.writeString(
                dir.resolve("envs/test.yaml"), "vmid_base: 99900\nvms:\n  - name: test\n    template: test\n");
    }
}
