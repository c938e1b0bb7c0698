package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code homestak sim} served standalone (as an operator would start it) with the VMs accepting the public keys
 * of {@code home/.ssh/*.pub}, and a site-config directory whose node {@code lab} is that simulator: API endpoint,
 * token, pinned fingerprint, the VMs' SSH port, env {@code test}. Closing it stops the simulator with Ctrl-C.
 */
final class StandaloneSim implements AutoCloseable {

    final Path siteConfig;
    private final SimCommandTest.PipedSetup piped;
    private final CompletableFuture<CliRun> serving;

    private StandaloneSim(Path siteConfig, SimCommandTest.PipedSetup piped, CompletableFuture<CliRun> serving) {
        this.siteConfig = siteConfig;
        this.piped = piped;
        this.serving = serving;
    }

    /** Starts the simulator whose VMs accept the keys of {@code home/.ssh/*.pub} and writes the site-config in {@code dir}. */
    static StandaloneSim start(Path dir, Path home) throws IOException {
        SimCommandTest.PipedSetup piped = new SimCommandTest.PipedSetup(dir);
        piped.setup.home(home);
        CompletableFuture<CliRun> serving =
                CompletableFuture.supplyAsync(() -> piped.setup.run("sim", "--profile", SimHostTest.INSTANT));
        Path site = writeSite(dir, piped.awaitBanner());
        return new StandaloneSim(site, piped, serving);
    }

    /**
     * Writes {@code dir/site-config} whose node {@code lab} is the simulator of {@code banner} (what {@code homestak sim}
     * prints: endpoint, token, fingerprint, SSH port), with env {@code test}.
     */
    static Path writeSite(Path dir, String banner) throws IOException {
        Matcher m = Pattern.compile(
                        "endpoint: +(\\S+)\\n +token: +(\\S+)\\n +fingerprint: +(\\S+)\\n +ssh port: +(\\d+)")
                .matcher(banner);
        assertThat(m.find()).as(banner).isTrue();
        Path site = dir.resolve("site-config");
        Files.createDirectories(site.resolve("nodes"));
        Files.createDirectories(site.resolve("envs"));
        Files.createDirectories(site.resolve("vms/presets"));
        Files.writeString(site.resolve("site.yaml"), "defaults:\n  datastore: local-lvm\n  ssh_user: root\n");
        Files.writeString(site.resolve("secrets.yaml"), "api_tokens:\n  lab: \"" + m.group(2) + "\"\n");
        Files.writeString(
                site.resolve("nodes/lab.yaml"),
                "api_endpoint: \"" + m.group(1) + "\"\nnode: pve\nprovisioner: api\n" + "tls_fingerprint: \""
                        + m.group(3) + "\"\nvm_ssh_port: " + m.group(4) + "\n");
        Files.writeString(site.resolve("vms/presets/small.yaml"), "cores: 2\nmemory: 2048\ndisk: 8\n");
        Files.writeString(site.resolve("vms/test.yaml"), "image: debian-12\npreset: small\ndisk: 10\n");
        Files.writeString(
                site.resolve("envs/test.yaml"), "vmid_base: 99900\nvms:\n  - name: test\n    template: test\n");
        return site;
    }

    @Override
    public void close() throws Exception {
        piped.setup.interrupts().fire();
        assertThat(serving.get(30, TimeUnit.SECONDS).exitCode()).isZero();
    }
}
