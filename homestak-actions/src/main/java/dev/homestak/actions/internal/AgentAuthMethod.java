package dev.homestak.actions.internal;

import com.hierynomus.sshj.key.KeyAlgorithm;
import java.io.IOException;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * sshj's {@code publickey} method for one key of the SSH agent: the key goes to the server as the agent's blob
 * and the agent signs, so the client never holds, parses or verifies the key (the same exchange as sshj's
 * {@code AuthPublickey}: a query, then on {@code PK_OK} the signed request).
 */
final class AgentAuthMethod extends AbstractAuthMethod {

    private final SshAgent agent;
    private final SshAgent.Identity identity;

    AgentAuthMethod(SshAgent agent, SshAgent.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd == Message.USERAUTH_60) {
            params.getTransport().write(signed(request(true)));
        } else {
            super.handle(cmd, buf);
        }
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithm()).putString(identity.blob());
    }

    private SSHPacket signed(SSHPacket request) throws UserAuthException {
        byte[] data = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(request)
                .getCompactData();
        try {
            return request.putString(agent.sign(identity.blob(), data, flags(algorithm())));
        } catch (IOException e) {
            throw new UserAuthException(e.getMessage(), e);
        }
    }

    /**
     * The signature algorithm: the key's type, except for RSA, where the newest of {@code rsa-sha2-512},
     * {@code rsa-sha2-256} and {@code ssh-rsa} that the server accepts (its {@code server-sig-algs}).
     */
    private String algorithm() throws UserAuthException {
        if (!identity.type().equals("ssh-rsa")) {
            return identity.type();
        }
        try {
            List<KeyAlgorithm> offered = params.getTransport().getClientKeyAlgorithms(KeyType.RSA);
            return offered.isEmpty() ? "rsa-sha2-256" : offered.get(0).getKeyAlgorithm();
        } catch (TransportException e) {
            throw new UserAuthException(e.getMessage(), e);
        }
    }

    private static int flags(String algorithm) {
        return switch (algorithm) {
            case "rsa-sha2-512" -> SshAgent.RSA_SHA2_512;
            case "rsa-sha2-256" -> SshAgent.RSA_SHA2_256;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return identity.toString();
    }
}
