package dev.homestak.actions.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host-key policy of one run: entries of a configured {@code known_hosts} file are enforced; any other
 * host is accepted on first use ("accept-new") and its key is then required for the rest of the run.
 * Nothing is written to disk: VMs are recreated between runs and get new keys, so the memory of a key
 * lasts exactly one run. There is no "accept anything" mode.
 */
final class RunKnownHosts implements HostKeyVerifier {

    private static final Logger log = LoggerFactory.getLogger(RunKnownHosts.class);

    private final Optional<OpenSSHKnownHosts> configured;
    private final Optional<Path> configuredFile;
    private final Map<String, PublicKey> seen = new ConcurrentHashMap<>();
    private final Map<String, String> rejections = new ConcurrentHashMap<>();

    private RunKnownHosts(Optional<OpenSSHKnownHosts> configured, Optional<Path> configuredFile) {
        this.configured = configured;
        this.configuredFile = configuredFile;
    }

    /** The policy, reading {@code knownHosts} if given; an unreadable file is a problem for the caller. */
    static RunKnownHosts create(Optional<Path> knownHosts) throws IOException {
        if (knownHosts.isEmpty()) {
            return new RunKnownHosts(Optional.empty(), Optional.empty());
        }
        return new RunKnownHosts(Optional.of(new OpenSSHKnownHosts(knownHosts.get().toFile())), knownHosts);
    }

    @Override
    public boolean verify(String host, int port, PublicKey key) {
        String id = port == 22 ? host : "[" + host + "]:" + port;
        Listing listing = configuredListing(id, key);
        if (listing == Listing.MATCH) {
            return true;
        }
        if (listing == Listing.MISMATCH) {
            rejections.put(id, "the key (" + fingerprint(key) + ") does not match " + configuredFile.orElseThrow()
                    + "; if the host was rebuilt remove its line with: ssh-keygen -R '" + id + "'");
            return false;
        }
        PublicKey first = seen.putIfAbsent(id, key);
        if (first == null) {
            log.info("accepted new host key {} for {} (remembered for this run)", fingerprint(key), id);
            return true;
        }
        if (first.equals(key)) {
            return true;
        }
        rejections.put(id, "the key changed during this run (first " + fingerprint(first) + ", now " + fingerprint(key)
                + "); refusing to connect: if the VM was recreated, start a new run");
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String host, int port) {
        return configured.map(k -> k.findExistingAlgorithms(host, port)).orElse(List.of());
    }

    /** Why the last connection to {@code host:port} was refused, if it was (and forgets it). */
    Optional<String> takeRejection(String host, int port) {
        String id = port == 22 ? host : "[" + host + "]:" + port;
        return Optional.ofNullable(rejections.remove(id));
    }

    private Listing configuredListing(String id, PublicKey key) {
        if (configured.isEmpty()) {
            return Listing.ABSENT;
        }
        KeyType type = KeyType.fromKey(key);
        boolean listed = false;
        for (OpenSSHKnownHosts.KnownHostEntry entry : configured.get().entries()) {
            try {
                if (entry.appliesTo(type, id)) {
                    listed = true;
                    if (entry.verify(key)) {
                        return Listing.MATCH;
                    }
                }
            } catch (IOException e) {
                log.debug("skipping unreadable known_hosts entry: {}", e.getMessage());
            }
        }
        return listed ? Listing.MISMATCH : Listing.ABSENT;
    }

    /** OpenSSH's {@code SHA256:...} fingerprint. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private enum Listing { MATCH, MISMATCH, ABSENT }
}
