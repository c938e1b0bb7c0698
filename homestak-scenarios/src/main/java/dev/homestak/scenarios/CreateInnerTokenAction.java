package dev.homestak.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.SshRequest;
import dev.homestak.core.Facts;
import dev.homestak.core.Secret;
import io.vavr.control.Either;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Creates the API token of the nested PVE over SSH on {@code inner_ip} ({@code pveum user token add root@pam
 * <id> --privsep 0 --output-format json}, what the original's nested-pve-setup play did) and keeps it as the
 * secret fact {@code inner_api_token} ({@code root@pam!<id>=<value>}); the value is never printed.
 *
 * @param user    SSH login on the nested PVE
 * @param tokenId the token id; the run id is appended so reruns do not clash
 * @param timeout limit of the SSH command
 */
record CreateInnerTokenAction(String user, String tokenId, Duration timeout) implements Action<ActionResult> {

    private static final ObjectMapper JSON = new ObjectMapper();

    CreateInnerTokenAction {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        String id = tokenId + RunTags.runId(ctx).map(r -> "-" + r.replaceAll("[^A-Za-z0-9]", "")).orElse("");
        String command = "pveum user token add root@pam " + id + " --privsep 0 --output-format json";
        return ctx.require(Facts.INNER_IP).flatMap(address -> ctx.ssh(SshRequest.of(ctx.ssh().endpoint(user, address),
                command, timeout)).flatMap(r -> r.succeeded() ? parse(r.stdout(), address)
                : Either.left(new ActionFailure.ProcessExit("pveum user token add on " + address, r.exitCode(),
                        r.stderr().strip()))));
    }

    private static Either<ActionFailure, ActionResult> parse(String stdout, String address) {
        try {
            JsonNode json = JSON.readTree(stdout);
            String full = json.path("full-tokenid").asText("");
            String value = json.path("value").asText("");
            if (full.isEmpty() || value.isEmpty()) {
                return Either.left(new ActionFailure.Precondition("pveum on " + address
                        + " printed no full-tokenid and value; is it a PVE?"));
            }
            return Either.right(ActionResult.of("API token " + full + " created on " + address,
                    Facts.empty().with(ActionKeys.INNER_API_TOKEN, Secret.of(full + "=" + value))));
        } catch (IOException e) {
            return Either.left(new ActionFailure.Precondition("pveum on " + address + " printed no JSON: " + e.getMessage()));
        }
    }

    @Override
    public String describe() {
        return "create the nested PVE's API token " + tokenId;
    }
}
