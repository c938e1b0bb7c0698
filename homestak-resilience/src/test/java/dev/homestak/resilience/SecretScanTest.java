package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Last: every file the suite's runs wrote (reports, event streams, CLI output, request logs, context files)
 * and every log line, scanned for every secret value of every site used (API tokens, their UUID part, the
 * root password hash, and the fixture's tokens and hash).
 */
@Order(100)
@DisplayName("secrets: no secret value in any file, event or log line the suite produced")
class SecretScanTest {

    @Test
    @DisplayName("zero hits")
    void scan() throws IOException {
        List<String> needles = new ArrayList<>(Outputs.SECRETS);
        Outputs.SECRETS.stream()
                .filter(s -> s.contains("="))
                .forEach(s -> needles.add(s.substring(s.indexOf('=') + 1)));
        fixtureSecrets().forEach(needles::add);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Outputs.root())) {
            walk.filter(Files::isRegularFile).filter(p -> !isSiteConfigCopy(p)).forEach(files::add);
        }
        files.add(Outputs.logFile());
        List<String> hits = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            bytes += text.length();
            for (String n : needles) {
                if (text.contains(new String(n.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                    hits.add(Outputs.root().relativize(f) + " contains a secret of length " + n.length());
                }
            }
        }
        Files.writeString(
                Outputs.root().resolve("secret-scan.txt"),
                files.size() + " files, " + bytes + " bytes, " + needles.size() + " secret values, " + hits.size()
                        + " hits\n");
        assertThat(needles).as("secret values registered by the suite's sites").hasSizeGreaterThan(3);
        assertThat(files).as("files scanned").isNotEmpty();
        assertThat(hits).isEmpty();
    }

    /** The inputs themselves (site-config copies with secrets.yaml) are not outputs. */
    private static boolean isSiteConfigCopy(Path p) {
        return p.toString().contains("/site-config/");
    }

    private static List<String> fixtureSecrets() throws IOException {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(BadInputTest.FIXTURE.resolve("secrets.yaml"))) {
            if (line.contains("root@pam!") || line.contains("$6$")) {
                values.add(line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')));
            }
        }
        return values;
    }
}
