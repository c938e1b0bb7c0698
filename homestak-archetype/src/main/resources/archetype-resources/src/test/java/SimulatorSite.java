package ${package};

import dev.homestak.actions.ProxmoxClients;
import dev.homestak.sim.Simulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * The site pointed at a running {@link Simulator}: a copy of {@code site-config/} whose node has the
 * simulator's endpoint, certificate (pinned), token, storage and SSH port, plus an SSH key that the
 * simulated VMs accept. Everything else (site defaults, manifests, presets, specs, postures) is the site's own.
 *
 * @param siteConfig the site-config copy
 * @param identity   the SSH private key ({@code --identity})
 */
record SimulatorSite(Path siteConfig, Path identity) {

    /** The simulator's storage for VM disks. */
    static final String SIM_DATASTORE = "local-lvm";

    /**
     * Starts a simulator named {@code node}: instant timing; a VM of image {@code pve-9} serves a nested PVE whose
     * API, as behind a real nested PVE's inner network, answers only through SSH forwarding from its parent.
     */
    static Simulator start(String node) {
        return Simulator.builder().node(node).innerNonRoutable(true).start()
                .getOrElseThrow(f -> new IllegalStateException("cannot start the simulator: " + f.message()));
    }

    /** Proxmox clients for the simulator: its nested PVEs serve their API on the simulator's port, not 8006. */
    static ProxmoxClients clients(Simulator sim) {
        return ProxmoxClients.builder().nestedPort(sim.port()).build();
    }

    /** Writes the site into {@code dir} for {@code node} (which keeps its name and token key). */
    static SimulatorSite create(Simulator sim, Path siteConfig, Path dir, String node) {
        return create(sim, siteConfig, dir, node, SIM_DATASTORE);
    }

    /** As {@link #create(Simulator, Path, Path, String)}, with another datastore. */
    static SimulatorSite create(Simulator sim, Path siteConfig, Path dir, String node, String datastore) {
        try {
            Path copy = dir.resolve("site-config");
            copyTree(siteConfig, copy);
            Path identity = dir.resolve("id_ecdsa");
            String publicKey = writeKey(identity);
            sim.authorizeKey(publicKey).getOrElseThrow(f -> new IllegalStateException(f.message()));
            Files.writeString(copy.resolve("nodes").resolve(node + ".yaml"), String.join("\n",
                    "api_endpoint: \"https://" + sim.host() + ":" + sim.port() + "\"",
                    "node: " + sim.node(),
                    "api_token: " + node,
                    "datastore: " + datastore,
                    "tls_fingerprint: \"" + sim.fingerprintSha256() + "\"",
                    "provisioner: api",
                    "vm_ssh_port: " + sim.sshPort(),
                    ""));
            Files.writeString(copy.resolve("secrets.yaml"), String.join("\n",
                    "api_tokens:",
                    "  " + node + ": \"" + sim.apiToken().reveal() + "\"",
                    "ssh_keys:",
                    "  test@simulator: \"" + publicKey + "\"",
                    ""));
            return new SimulatorSite(copy, identity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} with everything in it (the copy holds the simulator's token and a private key). */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a fresh EC key in OpenSSH format; returns its public key line
    private static String writeKey(Path file) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            try (OutputStream out = Files.newOutputStream(file)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test@simulator", null, out);
            }
            return PublicKeyEntry.toString(pair.getPublic()) + " test@simulator";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create an EC key", e);
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
