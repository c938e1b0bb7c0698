package dev.homestak.sim.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /access/users/{userid}/token[/{tokenid}]}: API token create, list, delete. */
final class AccessRoutes {

    private static final String TOKENS = "/access/users/{userid}/token";
    private final PveInstance pve;

    AccessRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("GET", TOKENS, this::list)
                .add("POST", TOKENS + "/{tokenid}", this::create)
                .add("GET", TOKENS + "/{tokenid}", c -> info(pve.tokens().get(c.var("userid"), c.var("tokenid"))))
                .add("DELETE", TOKENS + "/{tokenid}", c -> {
                    pve.tokens().remove(c.var("userid"), c.var("tokenid"));
                    return null;
                });
    }

    private Object list(Call call) {
        return pve.tokens().of(call.var("userid")).stream()
                .map(t -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("tokenid", t.tokenId());
                    entry.put("privsep", t.privsep() ? 1 : 0);
                    entry.put("expire", t.expire());
                    if (!t.comment().isEmpty()) {
                        entry.put("comment", t.comment());
                    }
                    return entry;
                })
                .toList();
    }

    private static Map<String, Object> info(TokenStore.Token t) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("privsep", t.privsep() ? 1 : 0);
        entry.put("expire", t.expire());
        if (!t.comment().isEmpty()) {
            entry.put("comment", t.comment());
        }
        return entry;
    }

    private Object create(Call call) {
        String tokenId = call.var("tokenid");
        if (!tokenId.matches("[A-Za-z][A-Za-z0-9.\\-_]+")) {
            throw PveError.param("tokenid", "value does not match the regex pattern");
        }
        boolean privsep =
                call.param("privsep").map(v -> Params.bool("privsep", v)).orElse(true);
        long expire = call.param("expire")
                .map(v -> (long) Params.integer("expire", v))
                .orElse(0L);
        TokenStore.Token token = pve.tokens()
                .create(
                        call.var("userid"),
                        tokenId,
                        privsep,
                        call.param("comment").orElse(""),
                        expire);
        return tokenJson(token);
    }

    /** PVE's token-created object, as the API and {@code pveum --output-format json} print it. */
    static Map<String, Object> tokenJson(TokenStore.Token token) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("privsep", token.privsep() ? "1" : "0");
        if (!token.comment().isEmpty()) {
            info.put("comment", token.comment());
        }
        if (token.expire() != 0) {
            info.put("expire", token.expire());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("full-tokenid", token.fullId());
        result.put("info", info);
        result.put("value", token.value().reveal());
        return result;
    }
}
