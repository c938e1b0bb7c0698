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
    private final Map<String, OperatorHost> operatorHosts = new ConcurrentHashMap<>();
    private final Map<Path, KnownHostsFile> files = new ConcurrentHashMap<>();

    /** A host of the operator's own (site-config hosts, ProxyJump bastions): its known_hosts files and strictness. */
    private record OperatorHost(List<Path> files, boolean strict) {}

    private RunKnownHosts(Optional<OpenSSHKnownHosts> configured, Optional<Path> configuredFile) {
        this.configured = configured;
        this.configuredFile = configuredFile;
    }

    /** The policy, reading {@code knownHosts} if given; an unreadable file is a problem for the caller. */
    static RunKnownHosts create(Optional<Path> knownHosts) throws IOException {
        if (knownHosts.isEmpty()) {
            return new RunKnownHosts(Optional.empty(), Optional.empty());
        }
        return new RunKnownHosts(
                Optional.of(new OpenSSHKnownHosts(knownHosts.get().toFile())), knownHosts);
    }

    /**
     * Checks {@code host:port} against the operator's {@code known_hosts} {@code files} from now on, not with the
     * run's accept-new (a host the operator already trusts must show the key they trust); with {@code strict}, a
     * host missing from them is refused, as {@code StrictHostKeyChecking yes}.
     */
    void operatorHost(String host, int port, List<Path> knownHostsFiles, boolean strict) {
        operatorHosts.put(id(host, port), new OperatorHost(List.copyOf(knownHostsFiles), strict));
    }

    @Override
    public boolean verify(String host, int port, PublicKey key) {
        String id = id(host, port);
        OperatorHost operator = operatorHosts.get(id);
        if (operator != null) {
            Optional<Boolean> verdict = operatorVerdict(id, operator, key);
            if (verdict.isPresent()) {
                return verdict.get();
            }
        }
        Listing listing = configuredListing(id, key);
        if (listing == Listing.MATCH) {
            return true;
        }
        if (listing == Listing.MISMATCH) {
            rejections.put(
                    id,
                    "the key (" + fingerprint(key) + ") does not match " + configuredFile.orElseThrow()
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
        rejections.put(
                id,
                "the key changed during this run (first " + fingerprint(first) + ", now " + fingerprint(key)
                        + "); refusing to connect: if the VM was recreated, start a new run");
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String host, int port) {
        OperatorHost operator = operatorHosts.get(id(host, port));
        if (operator != null) {
            // the key types the operator knows this host by are negotiated first, as ssh does
            try {
                return operator.files().stream()
                        .flatMap(f ->
                                files
                                        .computeIfAbsent(f, RunKnownHosts::readQuietly)
                                        .entriesFor(id(host, port))
                                        .stream())
                        .map(KnownHostsFile.Entry::type)
                        .distinct()
                        .toList();
            } catch (java.io.UncheckedIOException e) {
                return List.of(); // verify() reports the unreadable file
            }
        }
        return configured.map(k -> k.findExistingAlgorithms(host, port)).orElse(List.of());
    }

    /** Why the last connection to {@code host:port} was refused, if it was (and forgets it). */
    Optional<String> takeRejection(String host, int port) {
        String id = id(host, port);
        return Optional.ofNullable(rejections.remove(id));
    }

    /** Trusted, refused (with the reason kept), or empty: not listed and not strict, so the run's policy decides. */
    private Optional<Boolean> operatorVerdict(String id, OperatorHost operator, PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        List<KnownHostsFile.Entry> listed = new java.util.ArrayList<>();
        for (Path file : operator.files()) {
            try {
                listed.addAll(
                        files.computeIfAbsent(file, RunKnownHosts::readQuietly).entriesFor(id));
            } catch (java.io.UncheckedIOException e) {
                rejections.put(id, "cannot read " + file + ": " + e.getCause().getMessage());
                return Optional.of(false);
            }
        }
        // a revoked key is refused even where another line lists it as valid, as ssh does
        Optional<KnownHostsFile.Entry> revoked = listed.stream()
                .filter(e -> e.revoked() && KnownHostsFile.same(e.blob(), blob))
                .findFirst();
        if (revoked.isPresent()) {
            rejections.put(
                    id,
                    "its key " + fingerprint(key) + " is marked @revoked at "
                            + revoked.get().where());
            return Optional.of(false);
        }
        List<KnownHostsFile.Entry> valid =
                listed.stream().filter(e -> !e.revoked()).toList();
        if (valid.stream().anyMatch(e -> KnownHostsFile.same(e.blob(), blob))) {
            return Optional.of(true);
        }
        if (!valid.isEmpty()) {
            KnownHostsFile.Entry known = valid.get(0);
            rejections.put(
                    id,
                    "the host key changed: the host shows " + fingerprint(key) + ", known_hosts has "
                            + KnownHostsFile.fingerprint(known.blob()) + " at " + known.where()
                            + "; if the host was reinstalled, "
                            + "remove the line with: ssh-keygen -R '" + id + "' -f " + known.file());
            return Optional.of(false);
        }
        if (operator.strict()) {
            rejections.put(
                    id,
                    "its key " + fingerprint(key) + " is not in " + operator.files()
                            + " and StrictHostKeyChecking is yes: log in once with ssh to add it");
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static KnownHostsFile readQuietly(Path file) {
        try {
            return KnownHostsFile.read(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String id(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
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

    private enum Listing {
        MATCH,
        MISMATCH,
        ABSENT
    }
}
