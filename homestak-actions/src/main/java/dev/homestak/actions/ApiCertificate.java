package dev.homestak.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Either;
import java.io.IOException;
import java.time.Duration;

/**
 * The SHA-256 fingerprint of the certificate a PVE's API serves, read from the host itself over its SSH with
 * {@code pvenode cert info --output-format json} ({@code pveproxy-ssl.pem} when present, else {@code pve-ssl.pem}).
 * A client that pins it trusts the API without trusting the network it crosses (an SSH forward, a bridge).
 */
public final class ApiCertificate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SSH = Duration.ofSeconds(60);

    private ApiCertificate() {}

    /**
     * The fingerprint of the API certificate of the PVE at {@code host} (reached along {@code ctx}'s
     * {@link SshRoute}); {@code label} names it in failures ("root-pve › leaf-pve", "the nested PVE at 10.0.12.5").
     */
    public static Either<ActionFailure, String> fingerprint(ActionContext ctx, SshEndpoint host, String label) {
        return ctx.ssh(SshRequest.of(host, "pvenode cert info --output-format json", SSH))
                .flatMap(r -> parse(r, label));
    }

    private static Either<ActionFailure, String> parse(SshResult r, String label) {
        try {
            String proxy = "";
            String pve = "";
            for (JsonNode cert : JSON.readTree(r.stdout())) {
                switch (cert.path("filename").asText("")) {
                    case "pveproxy-ssl.pem" -> proxy = cert.path("fingerprint").asText("");
                    case "pve-ssl.pem" -> pve = cert.path("fingerprint").asText("");
                    default -> {}
                }
            }
            String fp = proxy.isEmpty() ? pve : proxy;
            return fp.isEmpty()
                    ? Either.left(
                            new ActionFailure.Precondition(label + ": pvenode cert info lists no API certificate"))
                    : Either.right(fp);
        } catch (IOException e) {
            return Either.left(new ActionFailure.Precondition(
                    label + ": pvenode cert info printed no JSON (exit " + r.exitCode() + ")"));
        }
    }
}
