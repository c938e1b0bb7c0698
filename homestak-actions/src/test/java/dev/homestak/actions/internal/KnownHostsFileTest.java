package dev.homestak.actions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("known_hosts entries: host patterns as OpenSSH matches them")
class KnownHostsFileTest {

    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    @TempDir
    Path tmp;

    @Test
    @DisplayName("lists, wildcards, negation and [host]:port; comments, @cert-authority and junk are not entries")
    void patterns() throws Exception {
        Path file = Files.writeString(
                tmp.resolve("known_hosts"),
                String.join(
                        "\n",
                        "# comment",
                        "pve,10.0.0.5 " + KEY,
                        "*.lab,!db.lab " + KEY,
                        "[10.0.0.7]:2222 " + KEY,
                        "@cert-authority *.corp " + KEY,
                        "@revoked old.example " + KEY,
                        "broken line",
                        ""));
        KnownHostsFile hosts = KnownHostsFile.read(file);

        assertThat(hosts.entriesFor("pve"))
                .extracting(KnownHostsFile.Entry::line)
                .containsExactly(2);
        assertThat(hosts.entriesFor("10.0.0.5")).hasSize(1);
        assertThat(hosts.entriesFor("web.lab"))
                .extracting(KnownHostsFile.Entry::line)
                .containsExactly(3);
        assertThat(hosts.entriesFor("db.lab")).isEmpty();
        assertThat(hosts.entriesFor("[10.0.0.7]:2222")).hasSize(1);
        assertThat(hosts.entriesFor("10.0.0.7")).isEmpty();
        assertThat(hosts.entriesFor("x.corp")).isEmpty();
        assertThat(hosts.entriesFor("old.example"))
                .singleElement()
                .satisfies(e -> assertThat(e.revoked()).isTrue());
        assertThat(KnownHostsFile.fingerprint(hosts.entriesFor("pve").get(0).blob()))
                .startsWith("SHA256:");
    }

    @Test
    @DisplayName("an absent file has no entries")
    void absent() throws Exception {
        assertThat(KnownHostsFile.read(tmp.resolve("none")).entriesFor("pve")).isEmpty();
    }
}
