package ${package};

import dev.homestak.sim.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A copy of {@code site-config/} whose node points at a running {@link Simulator}: its endpoint, its
 * certificate (pinned), its token (in a plaintext {@code secrets.yaml}) and its storage {@code local-lvm}.
 * Everything else (site defaults, envs, VM templates and presets) is the site's own.
 */
final class SimulatorSite {

    /** The simulator's storage for VM disks. */
    static final String SIM_DATASTORE = "local-lvm";

    private SimulatorSite() {
    }

    /** Writes the copy into {@code dir} and returns {@code dir}; the node keeps its name and token key. */
    static Path write(Simulator sim, Path siteConfig, Path dir, String node) {
        return write(sim, siteConfig, dir, node, SIM_DATASTORE);
    }

    /** As {@link #write(Simulator, Path, Path, String)}, with another datastore. */
    static Path write(Simulator sim, Path siteConfig, Path dir, String node, String datastore) {
        try {
            copyTree(siteConfig, dir);
            Files.writeString(dir.resolve("nodes").resolve(node + ".yaml"), String.join("\n",
                    "api_endpoint: \"https://" + sim.host() + ":" + sim.port() + "\"",
                    "api_token: " + node,
                    "datastore: " + datastore,
                    "tls_fingerprint: \"" + sim.fingerprintSha256() + "\"",
                    "provisioner: api",
                    ""));
            Files.writeString(dir.resolve("secrets.yaml"), String.join("\n",
                    "api_tokens:",
                    "  " + node + ": \"" + sim.apiToken().reveal() + "\"",
                    ""));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a copy made by {@link #write} (it holds the simulator's token). */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
