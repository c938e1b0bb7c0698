package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The standalone simulator")
class SimulatorMainTest {

    @Test
    @DisplayName("prints endpoint, token, fingerprint and SSH port, and authorizes the given keys")
    void prints(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.pub");
        Files.write(keys, List.of(TestKeys.line(TestKeys.ec())));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Simulator sim = SimulatorMain.start(
                        new String[] {"--authorized-keys", keys.toString(), "--ssh-port", "0"},
                        new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .get()) {
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertThat(out)
                    .contains("endpoint:     " + sim.baseUri())
                    .contains("token:        " + sim.apiToken().reveal())
                    .contains("fingerprint:  " + sim.fingerprintSha256())
                    .contains("ssh port:     " + sim.sshPort());
        }
    }

    @Test
    @DisplayName("reports bad arguments and unreadable key files in one line")
    void bad(@TempDir Path dir) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(SimulatorMain.start(new String[] {"--bogus"}, out).getLeft().message())
                .startsWith("arguments: unknown option '--bogus'");
        assertThat(SimulatorMain.start(new String[] {"--port", "x"}, out)
                        .getLeft()
                        .message())
                .isEqualTo("arguments: --port needs a port number 0..65535, got 'x'");
        assertThat(SimulatorMain.start(
                                new String[] {
                                    "--authorized-keys", dir.resolve("none").toString()
                                },
                                out)
                        .getLeft()
                        .message())
                .contains("none: cannot read");
    }
}
