package dev.homestak.sim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.jspecify.annotations.Nullable;

/** An SSH {@code exec} request answered by {@link GuestCommands} (all commands are instant). */
final class GuestCommand implements Command {

    private final Guest guest;
    private final String line;
    private @Nullable OutputStream out;
    private @Nullable OutputStream err;
    private @Nullable ExitCallback exit;

    GuestCommand(Guest guest, String line) {
        this.guest = guest;
        this.line = line;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        Vm.Exec result = GuestCommands.run(guest, line);
        if (out != null) {
            out.write(result.out().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (err != null) {
            err.write(result.err().getBytes(StandardCharsets.UTF_8));
            err.flush();
        }
        if (exit != null) {
            exit.onExit(result.exitCode());
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing runs in the background
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        exit = callback;
    }

    @Override
    public void setInputStream(InputStream in) {
        // commands read no input
    }

    @Override
    public void setOutputStream(OutputStream stream) {
        out = stream;
    }

    @Override
    public void setErrorStream(OutputStream stream) {
        err = stream;
    }
}
