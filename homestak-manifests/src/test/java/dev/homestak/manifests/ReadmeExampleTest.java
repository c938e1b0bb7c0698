package dev.homestak.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.Ports;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import dev.homestak.core.manifest.OnError;
import dev.homestak.scenarios.JsonLinesListener;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code shown in homestak-manifests/README.md, kept compiling and passing here (on the simulator). */
@DisplayName("README example")
class ReadmeExampleTest {

    @TempDir
    Path dir;

    SimDeploy sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    @DisplayName("embedding: plan, apply, apply again (nothing to do), status, destroy")
    void embedding() throws IOException {
        sim = SimDeploy.start(dir);
        SiteConfig site = sim.site;
        HostConfig host = sim.host;
        Ports ports = Ports.builder().proxmox(sim.clients).ssh(sim.ssh).build();
        StringWriter events = new StringWriter();
        // README: embedding
        ManifestRunner runner = ManifestRunner.builder()
                .hostConfig(host) // the target PVE host (-H)
                .site(site) // where the presets come from
                .ports(ports) // Proxmox clients, SSH, ... (as ScenarioRunner)
                .stateStore(StateStore.at(dir.resolve("state"))) // default: $XDG_STATE_HOME/homestak/manifests
                .reportDir(dir.resolve("reports")) // JSON, Markdown, JUnit XML
                .listener(JsonLinesListener.to(events)) // the run's events as JSON lines
                .build();

        Manifest manifest = Manifests.load(ManifestSource.ofFlag("n1-push"), site)
                .getOrElseThrow(f -> new IllegalArgumentException(f.message()));
        System.out.print(runner.plan(manifest).get().render()); // edge  vm  create

        ManifestOptions options = ManifestOptions.defaults().withParallel(8).withOnError(OnError.ROLLBACK);
        ManifestResult applied = runner.run(Verb.APPLY, manifest, options)
                .getOrElseThrow(f -> new IllegalStateException(f.message())); // e.g. locked by another apply
        System.out.println(applied.toJson()); // {"verb":"apply","success":true,...}

        ManifestResult again = runner.run(Verb.APPLY, manifest, options).get();
        System.out.println(again.plan().summary()); // No changes: ... up to date (1 node kept)
        System.out.print(runner.status(manifest).get().render(java.time.Instant.now()));

        ManifestResult destroyed =
                runner.run(Verb.DESTROY, manifest, ManifestOptions.defaults()).get();
        // README: end

        assertThat(applied.success()).isTrue();
        assertThat(applied.node("edge").orElseThrow().vmId()).contains(99001);
        assertThat(again.plan().upToDate()).isTrue();
        assertThat(destroyed.success()).isTrue();
        assertThat(sim.sim.vms()).isEmpty();
        assertThat(events.toString().lines()).allMatch(l -> l.startsWith("{\"v\":1,"));
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("ManifestResult applied = runner.run(Verb.APPLY, manifest, options)");
    }
}
