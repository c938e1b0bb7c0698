package dev.homestak.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package, read with Debian's own {@code dpkg-deb}: its control metadata ({@code -I}), and its files
 * ({@code -x}) against the release archive it is made from.
 */
@DisplayName("the .deb, read with dpkg-deb")
class DebPackageIT {

    @TempDir
    static Path root;

    static Path deb;

    @BeforeAll
    static void extract() throws Exception {
        boolean dpkg = Files.isExecutable(Path.of("/usr/bin/dpkg-deb"));
        if (System.getenv("CI") == null) {
            assumeThat(dpkg)
                    .as("dpkg-deb installed (Debian's dpkg; CI always has it)")
                    .isTrue();
        }
        assertThat(dpkg).as("/usr/bin/dpkg-deb (package dpkg)").isTrue();
        deb = Built.deb();
        Proc.ok(root, "dpkg-deb", "-x", deb.toString(), root.resolve("fs").toString());
    }

    @Test
    @DisplayName(
            "control: package homestak, this version, amd64, no dependency a PVE 8/9 host lacks, a maintainer and description")
    void control() throws Exception {
        Map<String, String> fields =
                fields(Proc.ok(root, "dpkg-deb", "-f", deb.toString()).out());

        assertThat(fields)
                .containsEntry("Package", "homestak")
                .containsEntry("Architecture", "amd64")
                .containsEntry("Version", Built.debianVersion())
                .containsKeys("Maintainer", "Description", "Installed-Size", "Section", "Priority", "Homepage");
        assertThat(fields).doesNotContainKeys("Depends", "Pre-Depends", "Recommends");
        assertThat(deb.getFileName().toString()).isEqualTo("homestak_" + Built.debianVersion() + "_amd64.deb");
        String info = Proc.ok(root, "dpkg-deb", "-I", deb.toString()).out();
        assertThat(info).contains(" control", " md5sums").doesNotContain("postinst", "prerm", "postrm");
    }

    @Test
    @DisplayName(
            "files: /opt/homestak is the release archive; /usr/bin/homestak links to its launcher; completion and man pages in place")
    void files() throws Exception {
        Path fs = root.resolve("fs");
        assertThat(Files.readSymbolicLink(fs.resolve("usr/bin/homestak")))
                .isEqualTo(Path.of("/opt/homestak/bin/homestak"));
        assertThat(fs.resolve("opt/homestak/bin/homestak")).isExecutable();
        assertThat(fs.resolve("opt/homestak/runtime/bin/java")).isExecutable();
        assertThat(fs.resolve("opt/homestak/runtime/lib/jspawnhelper")).isExecutable();
        assertThat(fs.resolve("usr/share/bash-completion/completions/homestak"))
                .content()
                .contains("complete -F");
        assertThat(fs.resolve("usr/share/man/man1/homestak.1.gz")).isNotEmptyFile();

        Path archive = Files.createDirectories(root.resolve("archive"));
        Proc.ok(archive, "tar", "-xzf", Built.archive().toString());
        Path unpacked = archive.resolve("homestak-" + Built.version());
        assertThat(listing(fs.resolve("opt/homestak"))).isEqualTo(listing(unpacked));
    }

    @Test
    @DisplayName("the installed launcher runs from /opt/homestak's layout: --version")
    void runs() throws Exception {
        Proc r = Proc.ok(root, root.resolve("fs/opt/homestak/bin/homestak").toString(), "--version");

        assertThat(r.out().strip()).isEqualTo("homestak " + Built.version());
    }

    @Test
    @DisplayName("every file belongs to root and none is writable by others")
    void ownership() throws Exception {
        List<String> lines =
                Proc.ok(root, "dpkg-deb", "-c", deb.toString()).out().lines().toList();

        assertThat(lines)
                .isNotEmpty()
                .allMatch(l -> l.contains(" root/root "), "owned by root/root")
                .noneMatch(l -> l.charAt(8) == 'w' && l.charAt(0) != 'l', "writable by others");
    }

    /** The fields of a control file ({@code Key: value}; continuation lines belong to the previous key). */
    static Map<String, String> fields(String control) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : control.lines().toList()) {
            if (line.startsWith(" ") && last != null) {
                fields.merge(last, "\n" + line, String::concat);
            } else if (line.contains(":")) {
                last = line.substring(0, line.indexOf(':'));
                fields.put(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return fields;
    }

    /** The relative paths of every file, link and directory under {@code dir}, with whether each is executable. */
    static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p) + (Files.isExecutable(p) && Files.isRegularFile(p) ? " (x)" : ""))
                    .collect(Collectors.toSet());
        }
    }
}
