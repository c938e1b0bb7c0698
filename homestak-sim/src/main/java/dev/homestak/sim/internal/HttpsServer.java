package dev.homestak.sim.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lean HTTP/1.1 server over TLS with keep-alive. It exists because the JDK's
 * {@code com.sun.net.httpserver} always sends the standard reason phrase, while PVE puts its
 * error message in the status line ({@code HTTP/1.1 500 VM 100 not running}), and because
 * injected faults need to drop a connection without any response.
 */
final class HttpsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpsServer.class);
    private static final int MAX_BODY = 512 * 1024; // PVE's $limit_max_post
    private static final int IDLE_TIMEOUT_MS = 30_000;

    private final ServerSocket socket;
    private final ExecutorService threads;
    private final Function<HttpRequest, HttpResponse> handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private java.util.function.Predicate<Socket> admit = connection -> true;

    private HttpsServer(ServerSocket socket, ExecutorService threads, Function<HttpRequest, HttpResponse> handler) {
        this.socket = socket;
        this.threads = threads;
        this.handler = handler;
    }

    /** Binds and starts accepting; {@code name} names its threads. */
    static HttpsServer start(
            InetSocketAddress address, SSLContext tls, String name, Function<HttpRequest, HttpResponse> handler)
            throws IOException {
        ServerSocket socket = tls.getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, 64);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpsServer server = new HttpsServer(socket, threads, handler);
        threads.execute(server::acceptLoop);
        return server;
    }

    /** Serves only connections {@code value} admits; others are closed before the TLS handshake. */
    HttpsServer admitting(java.util.function.Predicate<Socket> value) {
        admit = value;
        return this;
    }

    /** The bound port. */
    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing server socket: {}", e.getMessage());
        }
        for (Socket connection : connections) {
            closeQuietly(connection);
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                threads.execute(() -> serve(connection));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.debug("accept failed: {}", e.getMessage());
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // closing
            }
        }
    }

    private void serve(Socket connection) {
        if (!admit.test(connection)) {
            log.debug(
                    "refused {}: not forwarded through SSH (non-routable inner network)",
                    connection.getRemoteSocketAddress());
            connections.remove(connection);
            closeQuietly(connection);
            return;
        }
        try (connection) {
            connection.setSoTimeout(IDLE_TIMEOUT_MS);
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            HttpRequest request;
            while ((request = read(in)) != null) {
                HttpResponse response = handler.apply(request);
                if (response.reset()) {
                    connection.setSoLinger(true, 0); // RST instead of FIN
                    return;
                }
                write(out, response);
                if ("close".equalsIgnoreCase(request.header("connection").orElse(""))) {
                    return;
                }
            }
        } catch (SocketException e) {
            log.trace("connection closed: {}", e.getMessage());
        } catch (IOException e) {
            log.debug("connection failed: {}", e.getMessage());
        } finally {
            connections.remove(connection);
        }
    }

    private static @Nullable HttpRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("malformed request line");
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(
                        header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
        }
        byte[] body = body(in, headers);
        String target = parts[1];
        int q = target.indexOf('?');
        return new HttpRequest(
                parts[0], q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1), headers, body);
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String size = line(in); size != null; size = line(in)) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    line(in); // trailing CRLF after the last chunk
                    break;
                }
                body.writeBytes(in.readNBytes(n));
                line(in);
            }
            return body.toByteArray();
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        if (length > MAX_BODY) {
            throw new IOException("body too large");
        }
        return in.readNBytes(length);
    }

    private static @Nullable String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, HttpResponse response) throws IOException {
        String head = "HTTP/1.1 " + response.status() + " " + response.statusLineReason() + "\r\n"
                + "Content-Type: application/json;charset=UTF-8\r\n"
                + "Content-Length: " + response.body().length + "\r\n"
                + "Cache-Control: max-age=0\r\n"
                + "Server: pve-api-daemon/3.0\r\n\r\n";
        // one write, so head and body go out in one TLS record and one segment (no Nagle delay)
        ByteArrayOutputStream whole = new ByteArrayOutputStream(head.length() + response.body().length);
        whole.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        whole.writeBytes(response.body());
        out.write(whole.toByteArray());
        out.flush();
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException e) {
            log.trace("close: {}", e.getMessage());
        }
    }
}
