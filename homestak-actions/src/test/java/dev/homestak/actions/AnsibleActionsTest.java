package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.core.Secret;
import dev.homestak.sim.RequiresTool;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Ansible actions with the real ansible-playbook on a local playbook")
class AnsibleActionsTest {

    @TempDir
    Path tmp;

    private Path ansibleDir;
    private Path out;
    private final RecordingRunner runner = new RecordingRunner(ProcessRunner.system());
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void copyAnsibleDir() throws IOException, URISyntaxException {
        Path source = Path.of(Objects.requireNonNull(getClass().getResource("/ansible/inventory/local.yml"))
                        .toURI())
                .getParent()
                .getParent();
        ansibleDir = tmp.resolve("ansible");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = ansibleDir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        out = tmp.resolve("vars.out");
    }

    private ActionContext ctx(Facts facts) {
        return ActionContext.builder()
                .processes(runner)
                .events(sink)
                .facts(facts)
                .build();
    }

    private Map<String, Object> vars() {
        return Map.of(
                "out",
                out.toString(),
                "greeting",
                "hello world",
                "count",
                41,
                "enabled",
                true,
                "packages",
                List.of("vim", "htop"));
    }

    @Nested
    @DisplayName("AnsiblePlaybookAction")
    class Remote {

        private AnsiblePlaybookAction.Builder playbook(String name) {
            return AnsiblePlaybookAction.builder(ansibleDir, "playbooks/" + name)
                    .waitForSsh(false, false);
        }

        @RequiresTool("ansible-playbook")
        @Test
        @DisplayName("runs the original's command line in the ansible dir; extra vars reach the play with their types")
        void success() throws IOException {
            ActionResult r = playbook("write-vars.yml")
                    .extraVars(vars())
                    .build()
                    .run(ctx(Facts.empty().with(Facts.INNER_IP, "127.0.0.1")))
                    .get();
            assertThat(r.message()).isEqualTo("playbooks/write-vars.yml completed on 127.0.0.1");
            assertThat(Files.readString(out)).isEqualTo("127.0.0.1|hello world|42|bool|vim,htop\n");
            ProcessCommand cmd = runner.commands().getFirst();
            assertThat(cmd.argv())
                    .startsWith(
                            "ansible-playbook",
                            "-i",
                            "inventory/remote-dev.yml",
                            "playbooks/write-vars.yml",
                            "-e",
                            "ansible_host=127.0.0.1",
                            "-e")
                    .hasSize(8);
            assertThat(cmd.argv().get(7))
                    .startsWith("{")
                    .contains("\"count\":41", "\"enabled\":true", "\"packages\":[\"vim\",\"htop\"]");
            assertThat(cmd.directory()).contains(ansibleDir);
            assertThat(sink.progress()).contains("task: write vars");
        }

        @RequiresTool("ansible-playbook")
        @Test
        @DisplayName("a failing task becomes a failure naming the task, the host and ansible's reason")
        void failingTask() {
            Either<ActionFailure, ActionResult> r =
                    playbook("fail.yml").build().run(ctx(Facts.empty().with(Facts.INNER_IP, "127.0.0.1")));
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.ProcessExit.class);
            assertThat(r.getLeft().message())
                    .isEqualTo(
                            "playbooks/fail.yml failed (exit 2): task 'break on purpose' failed on target: boom: disk full on target");
        }

        @RequiresTool("ansible-playbook")
        @Test
        @DisplayName("a failing command is reported with the end of its stderr")
        void failingCommand() {
            Either<ActionFailure, ActionResult> r =
                    playbook("command-fails.yml").build().run(ctx(Facts.empty().with(Facts.INNER_IP, "127.0.0.1")));
            assertThat(r.getLeft().message())
                    .isEqualTo("playbooks/command-fails.yml failed (exit 2): task 'run a broken command' "
                            + "failed on target: non-zero return code: E: Unable to locate package nosuchpkg");
        }

        @Test
        @DisplayName("passes ansible_user when set")
        void user() {
            playbook("write-vars.yml")
                    .extraVars(vars())
                    .user("homestak")
                    .build()
                    .run(ctx(Facts.empty().with(Facts.INNER_IP, "127.0.0.1")));
            assertThat(runner.commands().getFirst().argv())
                    .containsSequence("-e", "ansible_host=127.0.0.1", "-e", "ansible_user=homestak");
        }

        @RequiresTool("ansible-playbook")
        @Test
        @DisplayName("a host behind jump hosts (the context's SshRoute) gets them as ProxyJump, in order")
        void jumpHosts() {
            playbook("write-vars.yml")
                    .extraVars(vars())
                    .build()
                    .run(ActionContext.builder()
                            .processes(runner)
                            .events(sink)
                            .facts(Facts.empty().with(Facts.INNER_IP, "127.0.0.1"))
                            .sshRoute(new SshRoute(
                                    List.of(),
                                    List.of(
                                            new SshEndpoint("root", "10.0.0.1", 22),
                                            new SshEndpoint("root", "10.0.1.1", 2222))))
                            .build());
            assertThat(runner.commands().getFirst().argv())
                    .containsSequence("-e", "ansible_ssh_common_args=-oProxyJump=root@10.0.0.1,root@10.0.1.1:2222");
        }

        @RequiresTool("ansible-playbook")
        @Test
        @DisplayName("secret extra vars go through a private vars file, never the command line")
        void secretVars() throws IOException {
            String token = "root@pam!tofu=9b1c-secret";
            Map<String, Object> withSecret = new java.util.HashMap<>(vars());
            withSecret.put("greeting", Secret.of(token));
            playbook("write-vars.yml")
                    .extraVars(withSecret)
                    .build()
                    .run(ctx(Facts.empty().with(Facts.INNER_IP, "127.0.0.1")));
            assertThat(Files.readString(out)).contains("|" + token + "|");
            List<String> argv = runner.commands().getFirst().argv();
            assertThat(String.join(" ", argv)).doesNotContain(token);
            assertThat(argv.getLast()).startsWith("@");
            assertThat(Path.of(argv.getLast().substring(1))).doesNotExist();
            assertThat(sink.events()).noneMatch(e -> e.text().contains(token));
        }

        @Test
        @DisplayName("without the host fact it fails with 'No inner_ip in context' and runs nothing")
        void missingHost() {
            assertThat(playbook("fail.yml")
                            .build()
                            .run(ctx(Facts.empty()))
                            .getLeft()
                            .message())
                    .isEqualTo("No inner_ip in context");
            assertThat(runner.commands()).isEmpty();
        }

        @Test
        @DisplayName("waits for SSH first and does not run the play when the host never answers")
        void waitsForSsh() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.10"))) {
                port = socket.getLocalPort();
            }
            SshClient ssh = SshClient.create(SshSettings.builder()
                    .identityFiles(List.of(tmp.resolve("no-key-needed")))
                    .port("127.0.0.10", port)
                    .build());
            ActionContext c = ctx(Facts.empty().with(Facts.INNER_IP, "127.0.0.10")).toBuilder()
                    .ssh(ssh)
                    .build();
            Either<ActionFailure, ActionResult> r = AnsiblePlaybookAction.builder(ansibleDir, "playbooks/fail.yml")
                    .sshTimeout(Duration.ofMillis(300))
                    .build()
                    .run(c);
            assertThat(r.getLeft().message()).startsWith("Timeout waiting for SSH on 127.0.0.10 after 300ms");
            assertThat(runner.commands()).isEmpty();
        }
    }

    @Nested
    @DisplayName("AnsibleLocalPlaybookAction")
    class Local {

        @RequiresTool("ansible-playbook")
        @Test
        @DisplayName("runs with the local inventory; extra vars reach the play")
        void success() throws IOException {
            ActionResult r = AnsibleLocalPlaybookAction.of(ansibleDir, "playbooks/write-vars.yml", vars())
                    .run(ctx(Facts.empty()))
                    .get();
            assertThat(r.message()).isEqualTo("playbooks/write-vars.yml completed locally");
            assertThat(Files.readString(out)).isEqualTo("localhost|hello world|42|bool|vim,htop\n");
            assertThat(runner.commands().getFirst().argv())
                    .startsWith("ansible-playbook", "-i", "inventory/local.yml", "playbooks/write-vars.yml", "-e");
        }

        @RequiresTool("ansible-playbook")
        @Test
        @DisplayName("a failing task names the task and localhost")
        void failingTask() {
            assertThat(AnsibleLocalPlaybookAction.of(ansibleDir, "playbooks/fail.yml", Map.of())
                            .run(ctx(Facts.empty()))
                            .getLeft()
                            .message())
                    .isEqualTo(
                            "playbooks/fail.yml failed (exit 2): task 'break on purpose' failed on localhost: boom: disk full on localhost");
        }

        @Test
        @DisplayName("a missing ansible directory is a precondition failure naming it")
        void missingDir() {
            assertThat(AnsibleLocalPlaybookAction.of(tmp.resolve("nope"), "playbooks/x.yml", Map.of())
                            .run(ctx(Facts.empty()))
                            .getLeft()
                            .message())
                    .isEqualTo("Ansible directory not found: " + tmp.resolve("nope"));
        }

        @RequiresTool("ansible-playbook")
        @Test
        @DisplayName("a playbook that does not exist reports ansible's ERROR line")
        void missingPlaybook() {
            assertThat(AnsibleLocalPlaybookAction.of(ansibleDir, "playbooks/nope.yml", Map.of())
                            .run(ctx(Facts.empty()))
                            .getLeft()
                            .message())
                    .startsWith(
                            "playbooks/nope.yml failed (exit 1): ERROR! the playbook: playbooks/nope.yml could not be found");
        }
    }
}
