package dev.homestak.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.actions.internal.Texts;
import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import dev.homestak.core.Secret;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;

/**
 * Creates an API token on a (nested) PVE [CreateApiTokenAction], the way the original's nested-pve
 * role and {@code create_api_token} phase do: over SSH on the host in {@code hostKey},
 * {@code pveum user token remove <user> <id> || true; pveum user token add <user> <id> --privsep 0
 * --output-format json}. The token ({@code user@realm!tokenid=secret}) is then checked against that
 * host's API ({@code GET /version}) and written to {@code tokenKey} as a {@link Secret}, where the
 * remote Proxmox actions ({@link PveTarget#nested()}) find it. The secret never appears in a message,
 * event or log.
 *
 * @param hostKey   fact holding the PVE's address ({@code inner_ip})
 * @param sshUser   login user ({@code root})
 * @param tokenUser PVE user owning the token ({@code root@pam})
 * @param tokenId   token name ({@code tofu})
 * @param tokenKey  fact to write the token to ({@code inner_api_token})
 * @param timeout   limit of the SSH command (120 s)
 */
public record CreateApiTokenAction(
        Key<String> hostKey, String sshUser, String tokenUser, String tokenId, Key<Secret> tokenKey, Duration timeout)
        implements Action<ActionResult> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates components. */
    public CreateApiTokenAction {
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(sshUser, "sshUser");
        Objects.requireNonNull(tokenUser, "tokenUser");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(tokenKey, "tokenKey");
        Objects.requireNonNull(timeout, "timeout");
        if (!tokenUser.matches("[^\\s@!]+@[A-Za-z][\\w.-]*") || !tokenId.matches("[A-Za-z][\\w.-]*")) {
            throw new IllegalArgumentException("token user must be user@realm and token id a PVE token name");
        }
    }

    /** {@code root@pam!tofu} on {@code inner_ip}, written to {@code inner_api_token}. */
    public static CreateApiTokenAction of() {
        return new CreateApiTokenAction(
                Facts.INNER_IP, "root", "root@pam", "tofu", ActionKeys.INNER_API_TOKEN, Duration.ofSeconds(120));
    }

    /** The command line sent over SSH. */
    String command() {
        return "pveum user token remove " + tokenUser + " " + tokenId + " || true; pveum user token add " + tokenUser
                + " " + tokenId + " --privsep 0 --output-format json";
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return SshTargets.endpoint(ctx, sshUser, hostKey)
                .flatMap(target -> ctx.ssh(SshRequest.of(target, command(), timeout))
                        .flatMap(r -> r.succeeded()
                                ? parse(r.stdout(), target)
                                : Either.left(new ActionFailure.ProcessExit(
                                        "pveum user token add on " + target,
                                        r.exitCode(),
                                        Texts.tail(r.stderr().lines().toList(), 300))))
                        .flatMap(token -> verify(ctx, target.host(), token)
                                .map(ok -> ActionResult.of(
                                        "API token " + tokenUser + "!" + tokenId + " created on " + target.host(),
                                        Facts.empty().with(tokenKey, token)))));
    }

    /** The token from pveum's JSON; the output holds the secret, so a failure never quotes it. */
    private Either<ActionFailure, Secret> parse(String stdout, SshEndpoint target) {
        String json = stdout.lines()
                .filter(l -> l.strip().startsWith("{"))
                .reduce((a, b) -> b)
                .orElse("");
        try {
            JsonNode node = JSON.readTree(json);
            String full = node == null ? "" : node.path("full-tokenid").asText("");
            String value = node == null ? "" : node.path("value").asText("");
            if (full.isEmpty() || value.isEmpty()) {
                return Either.left(new ActionFailure.Precondition(
                        "pveum on " + target + " printed no full-tokenid and value (is this a PVE host?)"));
            }
            return Either.right(Secret.of(full + "=" + value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Either.left(new ActionFailure.Precondition(
                    "pveum on " + target + " printed no JSON token (is this a PVE host?)"));
        }
    }

    private Either<ActionFailure, String> verify(ActionContext ctx, String address, Secret token) {
        return ctx.proxmox()
                .forNested(address, token)
                .flatMap(client -> Pve.call(ctx, "checking the new API token against " + address, client::version))
                .map(v -> "ok");
    }

    @Override
    public String describe() {
        return "create API token " + tokenUser + "!" + tokenId + " on " + hostKey.name();
    }
}
