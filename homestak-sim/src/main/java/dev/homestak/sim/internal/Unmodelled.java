package dev.homestak.sim.internal;

import java.util.List;
import java.util.Map;

/**
 * The answer to a call the PVE schema defines but the simulator does not model, as PVE answers for a
 * feature this node does not have: a list endpoint lists nothing (no HA resources, no containers, no
 * Ceph pools); anything else fails with a 500 naming what is missing, never {@code 501}, which PVE gives
 * only for paths outside its schema.
 */
final class Unmodelled {

    private Unmodelled() {}

    static HttpResponse answer(String method, String path, String returnsType) {
        if (method.equals("GET") && returnsType.equals("array")) {
            return HttpResponse.json(200, "OK", ApiJson.envelope(List.of(), Map.of()));
        }
        String reason = method + " " + path + ": feature not available on this node (not modelled by homestak-sim)";
        return HttpResponse.json(500, reason, ApiJson.envelope(null, Map.of("message", reason + "\n")));
    }
}
