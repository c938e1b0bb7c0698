package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads what the client really sent to WireMock. */
final class FormBodies {

    private FormBodies() {}

    /** The one request sent to {@code path}. */
    static LoggedRequest only(String method, String path) {
        List<LoggedRequest> all = findAll(anyRequestedFor(urlPathEqualTo(Pve.API + path))).stream()
                .filter(r -> r.getMethod().getName().equals(method))
                .toList();
        if (all.size() != 1) {
            throw new AssertionError("expected one " + method + " " + path + ", got " + all.size());
        }
        return all.get(0);
    }

    /** Decoded form fields of a body or query string, in order (repeated keys kept). */
    static List<Map.Entry<String, String>> fields(String encoded) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            out.add(Map.entry(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
        }
        return out;
    }

    static List<Map.Entry<String, String>> body(String method, String path) {
        return fields(only(method, path).getBodyAsString());
    }

    static List<Map.Entry<String, String>> query(String method, String path) {
        String url = only(method, path).getUrl();
        int q = url.indexOf('?');
        return q < 0 ? List.of() : fields(url.substring(q + 1));
    }
}
