package dev.homestak.actions.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets with {@code TCP_NODELAY}, as OpenSSH's client sets for its sessions. sshj leaves Nagle's algorithm on, so
 * each small SSH packet written while an earlier one was unacknowledged waited for the peer's delayed ACK (40 ms on
 * Linux): a login and {@code echo ready} took 50–100 ms on loopback instead of ~10.
 */
final class NoDelaySockets extends SocketFactory {

    static final SocketFactory FACTORY = new NoDelaySockets();

    private NoDelaySockets() {}

    /** An unbound server socket whose accepted connections have {@code TCP_NODELAY} (a forward's local end). */
    static ServerSocket serverSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                return noDelay(super.accept());
            }
        };
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
