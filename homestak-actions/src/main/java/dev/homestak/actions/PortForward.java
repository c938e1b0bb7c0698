package dev.homestak.actions;

/**
 * A local port on {@code 127.0.0.1} forwarded through SSH ({@code ssh -L}) to an address the far end of an SSH
 * chain can reach; {@link #close()} stops listening and closes every SSH connection of the chain.
 */
public interface PortForward extends AutoCloseable {

    /** The local port to connect to (on {@code 127.0.0.1}). */
    int localPort();

    /** What is forwarded, for messages: {@code 127.0.0.1:40411 -> 10.0.12.5:8006 via root@a, root@b}. */
    String describe();

    @Override
    void close();
}
