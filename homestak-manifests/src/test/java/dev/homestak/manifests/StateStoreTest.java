package dev.homestak.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("StateStore and StateLock")
class StateStoreTest {

    @TempDir
    Path dir;

    final Deployment d = new Deployment("n1-push", "pve");
    final Clock clock = Clock.systemUTC();

    @Test
    @DisplayName("every transition reaches the file: after close it holds the last state, read back equal")
    void writesTheLastState() {
        StateStore store = StateStore.at(dir);
        DeploymentState last;
        try (StateLock lock = store.lock(d, "apply").get()) {
            for (int i = 0; i < 50; i++) {
                NodeSpec s = new NodeSpec(
                        "n" + i, "vm", Optional.empty(), Optional.of(100 + i), "debian-12", "vm-small", 2, 2048, 10);
                lock.update(st -> st.with(NodeRecord.creating(s, clock.instant())), clock);
                lock.update(
                        st -> st.with(st.node(s.name())
                                .orElseThrow()
                                .withVmId(100 + s.name().length(), clock.instant())),
                        clock);
            }
            last = lock.current().orElseThrow();
        }
        assertThat(store.read(d).get()).contains(last);
        assertThat(last.nodes()).hasSize(50);
    }

    @Test
    @DisplayName("clear deletes the file; the lock can be taken again once released; a held lock is refused")
    void clearAndRelock() {
        StateStore store = StateStore.at(dir);
        try (StateLock lock = store.lock(d, "destroy").get()) {
            lock.update(st -> st, clock);
            assertThat(store.lock(d, "apply").getLeft()).isInstanceOf(ManifestFailure.Locked.class);
            lock.clear();
        }
        assertThat(store.file(d)).doesNotExist();
        try (StateLock again = store.lock(d, "apply").get()) {
            assertThat(again.load().get()).isEmpty();
        }
    }

    @Test
    @DisplayName("a corrupt state file is one line naming the file and what to do")
    void corrupt() throws Exception {
        StateStore store = StateStore.at(dir);
        Files.createDirectories(store.file(d).getParent());
        Files.writeString(store.file(d), "{ not json");

        String message = store.read(d).getLeft().message();

        assertThat(message)
                .startsWith("state file " + store.file(d) + ": not valid JSON at line 1")
                .contains("fix or delete the file (VMs are still found by their tag homestak-deploy-n1-push)")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("the default directory is $XDG_STATE_HOME/homestak/manifests, else ~/.local/state/homestak/manifests")
    void defaults() {
        Path home = Path.of("/home/u");
        assertThat(StateStore.userDefault(Map.of("XDG_STATE_HOME", "/x/state"), home)
                        .dir())
                .isEqualTo(Path.of("/x/state/homestak/manifests"));
        assertThat(StateStore.userDefault(Map.of(), home).dir())
                .isEqualTo(Path.of("/home/u/.local/state/homestak/manifests"));
        assertThat(StateStore.at(dir).file(new Deployment("My Lab", "pve"))).isEqualTo(dir.resolve("pve/my-lab.json"));
    }
}
