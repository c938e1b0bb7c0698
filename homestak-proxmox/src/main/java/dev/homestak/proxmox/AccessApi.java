package dev.homestak.proxmox;

import dev.homestak.proxmox.model.CreatedToken;
import dev.homestak.proxmox.model.TokenInfo;
import dev.homestak.proxmox.model.TokenRequest;
import io.vavr.control.Either;
import java.util.List;

/** Users' API tokens, {@code /access/users/{userid}/token}. */
public final class AccessApi {

    private final Calls calls;

    AccessApi(Calls calls) {
        this.calls = calls;
    }

    /** {@code GET /access/users/{userid}/token}. */
    public Either<ProxmoxFailure, List<TokenInfo>> tokens(String userId) {
        return calls.read(
                ApiRequest.get(List.of("access", "users", userId, "token")), data -> Calls.list(data, Payloads::token));
    }

    /** {@code POST /access/users/{userid}/token/{tokenid}}: the secret is in the answer only this once. */
    public Either<ProxmoxFailure, CreatedToken> createToken(String userId, String tokenId, TokenRequest request) {
        return calls.read(
                Calls.request("POST", List.of("access", "users", userId, "token", tokenId), request.form()),
                Payloads::createdToken);
    }

    /** {@code DELETE /access/users/{userid}/token/{tokenid}}. */
    public Either<ProxmoxFailure, Done> deleteToken(String userId, String tokenId) {
        return calls.done(new ApiRequest("DELETE", List.of("access", "users", userId, "token", tokenId), Form.empty()));
    }
}
