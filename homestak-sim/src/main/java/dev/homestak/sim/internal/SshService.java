package dev.homestak.sim.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Apache MINA SSH server for the whole simulator, bound to one endpoint per running VM (and to
 * {@code 127.0.0.1} for the PVE host itself). The endpoint a client connected to tells which
 * guest answers, which host key it presents and which commands it runs. Public-key auth only,
 * against the configured keys; {@code direct-tcpip} forwarding is allowed so jump hosts work.
 */
public final class SshService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SshService.class);

    /** Exposes the server's acceptor so that endpoints can be bound and unbound while it runs. */
    private static final class Server extends SshServer {
        IoAcceptor acceptor() {
            return acceptor;
        }
    }

    /**
     * The key exchanges offered: those of a Debian 12 OpenSSH that the JDK itself implements. Left out are the
     * post-quantum hybrids, which MINA builds on BouncyCastle: probing for them loads and verifies its signed jar
     * on every simulator start, about 0.2 s.
     */
    private static final List<BuiltinDHFactories> KEY_EXCHANGES = List.of(
            BuiltinDHFactories.curve25519,
            BuiltinDHFactories.curve25519_libssh,
            BuiltinDHFactories.ecdhp256,
            BuiltinDHFactories.ecdhp384,
            BuiltinDHFactories.ecdhp521,
            BuiltinDHFactories.dhg16_512,
            BuiltinDHFactories.dhg18_512,
            BuiltinDHFactories.dhg14_256);

    private final Server server = (Server) ServerBuilder.builder()
            .factory(Server::new)
            .keyExchangeFactories(NamedFactory.setUpTransformedFactories(false, KEY_EXCHANGES, ServerBuilder.DH2KEX))
            .build();
    private final List<PublicKey> authorized = new CopyOnWriteArrayList<>();
    private final Map<String, KeyPair> hostKeys = new ConcurrentHashMap<>();
    private final Map<SocketAddress, Guest> guests = new ConcurrentHashMap<>();
    private final Set<SocketAddress> forwardedSources = ConcurrentHashMap.newKeySet();
    private final Map<InetSocketAddress, Set<String>> restricted = new ConcurrentHashMap<>();

    /** Set on a session once its route was checked. */
    private static final org.apache.sshd.common.AttributeRepository.AttributeKey<Boolean> ADMITTED =
            new org.apache.sshd.common.AttributeRepository.AttributeKey<>();

    private SshService(List<PublicKey> keys) {
        authorized.addAll(keys);
    }

    /** Starts the server on {@code host:port} ({@code 0} for a free port), answering as {@code hostGuest}. */
    public static SshService start(InetAddress host, int port, List<PublicKey> keys, Guest hostGuest)
            throws IOException {
        SshService service = new SshService(keys);
        Server server = service.server;
        server.setHost(host.getHostAddress());
        server.setPort(port);
        server.setKeyPairProvider(service.hostKeyProvider());
        org.apache.sshd.core.CoreModuleProperties.TCP_NODELAY.set(server, true);
        server.setPublickeyAuthenticator(
                (user, key, session) -> service.authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setForwardingFilter(new AcceptAllForwardingFilter() {
            @Override
            public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
                return service.mayForward(address, session);
            }
        });
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KexCompleted) {
                    service.admitOrClose(session);
                }
            }
        });
        server.setIoServiceEventListener(new org.apache.sshd.common.io.IoServiceEventListener() {
            @Override
            public void connectionEstablished(
                    org.apache.sshd.common.io.IoConnector connector,
                    SocketAddress local,
                    org.apache.sshd.common.AttributeRepository context,
                    SocketAddress remote) {
                synchronized (service.forwardedSources) {
                    service.forwardedSources.add(local); // a direct-tcpip channel's outgoing connection
                    service.forwardedSources.notifyAll();
                }
            }
        });
        server.setCommandFactory(
                (channel, command) -> new GuestCommand(service.guestOf(channel.getSession()), command));
        server.start();
        InetSocketAddress bound = (InetSocketAddress)
                server.acceptor().getBoundAddresses().iterator().next();
        service.guests.put(bound, hostGuest);
        return service;
    }

    /**
     * Whether {@code peer} (the remote end of a connection some simulated server accepted) is a connection this
     * SSH server opened for a forwarding channel. Waits up to {@code waitMillis} for the connector to report it
     * (the accepting side may see the connection first).
     */
    public boolean forwarded(SocketAddress peer, long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        synchronized (forwardedSources) {
            while (!forwardedSources.remove(peer)) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                try {
                    forwardedSources.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Makes {@code endpoint} (a guest's SSH or a nested PVE's API) reachable only through a {@code direct-tcpip}
     * channel opened by a session logged in to one of the guests {@code from} (by {@link Guest#id()}): a network
     * behind a nested PVE, which only the machines next to it can reach.
     */
    void restrict(InetSocketAddress endpoint, Set<String> from) {
        restricted.put(endpoint, Set.copyOf(from));
    }

    /** Forgets the restriction of {@code endpoint} (the guest or API behind it stopped). */
    void unrestrict(InetSocketAddress endpoint) {
        restricted.remove(endpoint);
    }

    /** A forward may reach a restricted endpoint only from a machine next to it (where no route exists, as OpenSSH). */
    private boolean mayForward(SshdSocketAddress address, Session session) {
        Set<String> from = restricted.get(address.toInetSocketAddress());
        if (from == null) {
            return true;
        }
        String origin;
        try {
            origin = guestOf(session).id();
        } catch (IOException e) {
            return false;
        }
        if (from.contains(origin)) {
            return true;
        }
        log.info("forward from {} to {} refused: no route (reachable only from {})", origin, address, from);
        return false;
    }

    /**
     * A session to a restricted guest that did not arrive through a forward is closed, as an unroutable address;
     * checked once, at the first key exchange (a re-key later must not close an admitted session).
     */
    private void admitOrClose(Session session) {
        if (session.setAttribute(ADMITTED, Boolean.TRUE) != null) {
            return;
        }
        SocketAddress local = session.getIoSession().getLocalAddress();
        SocketAddress peer = session.getIoSession().getRemoteAddress();
        if (local instanceof InetSocketAddress endpoint
                && restricted.containsKey(endpoint)
                && !forwardedSources.remove(peer)) {
            log.info(
                    "SSH to {} from {} closed: no route (reachable only through {})",
                    local,
                    peer,
                    restricted.get(endpoint));
            session.close(true);
        }
    }

    /** The port the PVE host's SSH listens on (and every VM's, where VMs have their own address). */
    public int port() {
        return server.getPort();
    }

    /** The authorized public keys as OpenSSH lines ({@code ecdsa-sha2-nistp256 AAAA...}), in the order added. */
    public List<String> authorizedKeys() {
        return authorized.stream()
                .map(org.apache.sshd.common.config.keys.PublicKeyEntry::toString)
                .toList();
    }

    /** Authorizes another public key. */
    public void authorize(PublicKey key) {
        authorized.add(key);
    }

    /**
     * Starts answering SSH for a guest on {@code address}: on the shared port when the address is
     * not {@code 127.0.0.1}, else on a fresh port. Empty (and logged) when the endpoint is taken.
     */
    Optional<InetSocketAddress> bind(InetAddress address, Guest guest) {
        boolean shared = !address.getHostAddress().equals("127.0.0.1");
        InetSocketAddress wanted = new InetSocketAddress(address, shared ? port() : 0);
        IoAcceptor acceptor = server.acceptor();
        try {
            synchronized (this) {
                Set<SocketAddress> before = new HashSet<>(acceptor.getBoundAddresses());
                acceptor.bind(wanted);
                Set<SocketAddress> after = new HashSet<>(acceptor.getBoundAddresses());
                after.removeAll(before);
                InetSocketAddress bound = after.isEmpty()
                        ? wanted
                        : (InetSocketAddress) after.iterator().next();
                guests.put(bound, guest);
                return Optional.of(bound);
            }
        } catch (IOException e) {
            log.warn("SSH for {} cannot listen on {}: {}", guest.id(), wanted, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stops answering SSH on this endpoint and closes the sessions connected to it. */
    void unbind(InetSocketAddress endpoint) {
        synchronized (this) {
            server.acceptor().unbind(endpoint);
        }
        guests.remove(endpoint);
        restricted.remove(endpoint);
        for (var session : server.getActiveSessions()) {
            if (endpoint.equals(session.getIoSession().getLocalAddress())) {
                session.close(true);
            }
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            log.debug("SSH server stop: {}", e.getMessage());
        }
    }

    private Guest guestOf(Session session) throws IOException {
        Guest guest = guests.get(session.getIoSession().getLocalAddress());
        if (guest == null) {
            throw new IOException(
                    "no simulated machine listens on " + session.getIoSession().getLocalAddress());
        }
        return guest;
    }

    private KeyPairProvider hostKeyProvider() {
        return new KeyPairProvider() {
            @Override
            public Iterable<KeyPair> loadKeys(SessionContext context) throws IOException {
                String id =
                        context instanceof Session session ? guestOf(session).id() : "host";
                return List.of(hostKeys.computeIfAbsent(id, k -> EcKeys.p256()));
            }
        };
    }
}
