package dev.homestak.actions.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A client of the OpenSSH agent protocol ({@code draft-miller-ssh-agent}) over the agent's Unix socket
 * ({@code SSH_AUTH_SOCK}), on the JDK's own {@link UnixDomainSocketAddress}: it lists the agent's keys and asks
 * it to sign. Keys stay opaque blobs: nothing here parses or needs the crypto of a key type, so ed25519, ECDSA
 * and RSA keys (and any type the agent holds) work without BouncyCastle. Each call opens its own connection,
 * as {@code ssh} does; the agent answers in microseconds.
 */
public final class SshAgent {

    private static final int AGENT_FAILURE = 5;
    private static final int REQUEST_IDENTITIES = 11;
    private static final int IDENTITIES_ANSWER = 12;
    private static final int SIGN_REQUEST = 13;
    private static final int SIGN_RESPONSE = 14;
    private static final int MAX_MESSAGE = 256 * 1024;

    /** RSA signature flags: which hash the agent signs with. */
    static final int RSA_SHA2_256 = 2;

    static final int RSA_SHA2_512 = 4;

    /**
     * One key the agent holds.
     *
     * @param blob    the public key in SSH wire format (what goes into a {@code publickey} request)
     * @param type    its type name from the blob ({@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}, ...)
     * @param comment the agent's comment (usually the key file's path or {@code user@host})
     */
    public record Identity(byte[] blob, String type, String comment) {
        @Override
        public String toString() {
            return type + " " + comment + " (agent)";
        }
    }

    private final Path socket;

    /** The agent listening on {@code socket}. */
    public SshAgent(Path socket) {
        this.socket = socket;
    }

    /** The agent's socket. */
    Path socket() {
        return socket;
    }

    /** The keys the agent offers, in its order. */
    public List<Identity> identities() throws IOException {
        ByteBuffer reply = call(REQUEST_IDENTITIES, new byte[0]);
        expect(reply, IDENTITIES_ANSWER, "list keys");
        int count = reply.getInt();
        List<Identity> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] blob = string(reply);
            String comment = new String(string(reply), StandardCharsets.UTF_8);
            keys.add(new Identity(blob, new String(string(ByteBuffer.wrap(blob)), StandardCharsets.US_ASCII), comment));
        }
        return keys;
    }

    /**
     * The agent's signature of {@code data} with the key {@code blob}: the SSH signature encoding
     * ({@code string algorithm, string signature}), ready for a {@code publickey} request.
     */
    byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        putString(out, blob);
        putString(out, data);
        out.writeInt(flags);
        ByteBuffer reply = call(SIGN_REQUEST, body.toByteArray());
        expect(reply, SIGN_RESPONSE, "sign with the key");
        return string(reply);
    }

    private ByteBuffer call(int type, byte[] body) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer request = ByteBuffer.allocate(5 + body.length)
                    .putInt(1 + body.length)
                    .put((byte) type)
                    .put(body)
                    .flip();
            while (request.hasRemaining()) {
                channel.write(request);
            }
            ByteBuffer length = readFully(channel, 4);
            int size = length.getInt();
            if (size < 1 || size > MAX_MESSAGE) {
                throw new IOException("the SSH agent at " + socket + " sent a message of " + size + " bytes");
            }
            return readFully(channel, size);
        }
    }

    private ByteBuffer readFully(SocketChannel channel, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the SSH agent at " + socket + " closed the connection");
            }
        }
        return buffer.flip();
    }

    private void expect(ByteBuffer reply, int type, String what) throws IOException {
        int got = reply.get();
        if (got == AGENT_FAILURE) {
            throw new IOException("the SSH agent at " + socket + " refused to " + what);
        }
        if (got != type) {
            throw new IOException("the SSH agent at " + socket + " answered message type " + got + " to " + what);
        }
    }

    private static byte[] string(ByteBuffer buffer) throws IOException {
        if (buffer.remaining() < 4) {
            throw new IOException("truncated SSH agent message");
        }
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IOException("truncated SSH agent message");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static void putString(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Whether two key blobs are the same key. */
    static boolean sameKey(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
