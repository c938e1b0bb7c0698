package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.RecordedRequest;
import dev.homestak.sim.Timing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Image actions through the API's download-url, against the simulator")
class ImageActionsTest {

    private static final String SUM = "a".repeat(64);

    @TempDir
    Path tmp;

    private SimHost pve;

    @BeforeEach
    void start() throws Exception {
        pve = SimHost.start(tmp, Timing.instant());
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    private ActionContext ctx() {
        return pve.ctx(Facts.empty())
                .host(pve.host.toBuilder()
                        .siteDefaults(Map.of("packer_release_repo", "homestak-dev/packer", "packer_release", "latest"))
                        .build())
                .build();
    }

    private List<RecordedRequest> downloads() {
        return pve.sim.requests().stream()
                .filter(r -> r.path().endsWith("/download-url"))
                .toList();
    }

    @Nested
    @DisplayName("EnsureImageAction")
    class Ensure {

        @Test
        @DisplayName("downloads <image>.qcow2 from the site's packer release into local:import, once")
        void downloadsOnce() {
            ActionResult r = EnsureImageAction.of("debian-12").run(ctx()).get();
            assertThat(r.message()).isEqualTo("Downloaded debian-12.qcow2 to local:import/debian-12.qcow2");
            assertThat(r.facts().get(ActionKeys.DOWNLOADED_FILE)).contains("local:import/debian-12.qcow2");
            assertThat(downloads())
                    .singleElement()
                    .satisfies(d -> assertThat(d.params())
                            .containsEntry(
                                    "url",
                                    "https://github.com/homestak-dev/packer/releases/download/latest/debian-12.qcow2")
                            .containsEntry("filename", "debian-12.qcow2")
                            .containsEntry("content", "import"));

            assertThat(EnsureImageAction.of("debian-12").run(ctx()).get().message())
                    .isEqualTo("Image local:import/debian-12.qcow2 already exists");
            assertThat(downloads()).hasSize(1);
        }

        @Test
        @DisplayName("without a packer release in facts or site defaults it says which key is missing")
        void noRelease() {
            assertThat(EnsureImageAction.of("debian-12")
                            .run(pve.ctx(Facts.empty()).build())
                            .getLeft()
                            .message())
                    .isEqualTo("No packer_release_repo in context");
        }
    }

    @Nested
    @DisplayName("DownloadFileAction and DownloadGitHubReleaseAction")
    class Download {

        @Test
        @DisplayName("passes the checksum to PVE; a mismatch surfaces as the failed download task")
        void checksum() {
            DownloadFileAction d = DownloadFileAction.of("https://example.invalid/debian-13.qcow2", "debian-13.qcow2")
                    .withChecksum(Checksum.sha256(SUM));
            assertThat(d.run(ctx()).get().facts().get(ActionKeys.DOWNLOADED_FILE))
                    .contains("local:import/debian-13.qcow2");
            assertThat(downloads().get(0).params())
                    .containsEntry("checksum", SUM)
                    .containsEntry("checksum-algorithm", "sha256");

            ActionFailure f =
                    d.withChecksum(Checksum.sha256("b".repeat(64))).run(ctx()).getLeft();
            assertThat(f.message()).startsWith("task download debian-13.qcow2 on pve failed: checksum mismatch");
        }

        @Test
        @DisplayName("builds the release URL from repo and tag and writes packer_image")
        void release() {
            ActionResult r = DownloadGitHubReleaseAction.of("debian-12-custom.qcow2")
                    .from("me/images", "v0.9")
                    .run(ctx())
                    .get();
            assertThat(r.facts().get(ActionKeys.PACKER_IMAGE)).contains("debian-12-custom.qcow2");
            assertThat(downloads().get(0).params())
                    .containsEntry("url", "https://github.com/me/images/releases/download/v0.9/debian-12-custom.qcow2");
        }

        @Test
        @DisplayName("falls back to the original's curl over SSH only when configured")
        void sshFallback() throws Exception {
            pve.sim.inject(FaultRule.builder(FaultKind.HTTP_500)
                    .path("/download-url$")
                    .message("download-url is disabled")
                    .build());
            DownloadFileAction d = DownloadFileAction.of("https://example.invalid/x.qcow2", "x.qcow2");
            assertThat(d.run(ctx()).getLeft().message()).contains("download-url is disabled");

            try (TestSshServer node = TestSshServer.start(
                    "127.0.0.2",
                    0,
                    tmp.resolve("hostkey"),
                    "root",
                    pve.publicKey,
                    command -> TestSshServer.Reply.ok("-rw-r--r-- 1 root root 3 x.qcow2\n"))) {
                ActionContext c = ctx().toBuilder()
                        .host(pve.host.toBuilder().sshHost("127.0.0.2").build())
                        .ssh(SshClient.create(SshSettings.builder()
                                .identityFiles(List.of(pve.keyFile))
                                .port("127.0.0.2", node.port())
                                .build()))
                        .build();
                ActionResult r = d.withSshFallback().run(c).get();
                assertThat(r.message()).isEqualTo("Downloaded x.qcow2 to /var/lib/vz/import/x.qcow2 (SSH)");
                assertThat(node.commands())
                        .containsExactly("mkdir -p /var/lib/vz/import && curl -fSL -o "
                                + "/var/lib/vz/import/x.qcow2.part 'https://example.invalid/x.qcow2' && mv /var/lib/vz/import/x.qcow2.part "
                                + "/var/lib/vz/import/x.qcow2 && ls -la /var/lib/vz/import/x.qcow2");
            }
        }
    }

    @Nested
    @DisplayName("RemoveImageAction")
    class Remove {

        @Test
        @DisplayName("removes a present file; an absent one is a success unless failIfMissing")
        void removes() {
            DownloadFileAction.of("https://example.invalid/debian-12.qcow2", "debian-12.qcow2")
                    .run(ctx())
                    .get();
            assertThat(RemoveImageAction.of("debian-12.qcow2").run(ctx()).map(ActionResult::message))
                    .isEqualTo(io.vavr.control.Either.right("Removed local:import/debian-12.qcow2"));
            assertThat(EnsureImageAction.of("debian-12")
                            .from("https://example.invalid/debian-12.qcow2", java.util.Optional.empty())
                            .run(ctx())
                            .get()
                            .message())
                    .startsWith("Downloaded");
            RemoveImageAction.of("debian-12.qcow2").run(ctx()).get();
            assertThat(RemoveImageAction.of("debian-12.qcow2").run(ctx()).get().message())
                    .isEqualTo("local:import/debian-12.qcow2 not present");
            assertThat(new RemoveImageAction("debian-12.qcow2", "local", "import", PveTarget.host(), true)
                            .run(ctx())
                            .getLeft()
                            .message())
                    .isEqualTo("local:import/debian-12.qcow2 does not exist on pve");
        }
    }
}
