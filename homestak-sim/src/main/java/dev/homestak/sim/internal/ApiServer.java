package dev.homestak.sim.internal;

import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns HTTP requests into PVE API calls: authenticates the token, applies injected faults,
 * validates parameters against the schema, routes, and renders PVE's envelope and error shapes.
 * Every request is recorded for inspection.
 */
final class ApiServer {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final Pattern TOKEN = Pattern.compile("(?:^|\\s)PVEAPIToken(?:=| )([^;]*)");
    private static final int MAX_RECORDED = 100_000;

    private final PveInstance instance;
    private final Router router;
    private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();

    ApiServer(PveInstance instance, Router router) {
        this.instance = instance;
        this.router = router;
    }

    /** Answers one HTTP request. */
    HttpResponse handle(HttpRequest request) {
        List<String> segments = RequestParser.segments(request.rawPath());
        String path = segments == null ? request.rawPath() : "/" + String.join("/", segments);
        Map<String, List<String>> multi = RequestParser.params(request);
        multi.remove("_dc");
        Map<String, String> params = RequestParser.single(multi);
        HttpResponse response = respond(request, segments, path, multi, params);
        if (recorded.size() < MAX_RECORDED) {
            RecordedRequest r =
                    new RecordedRequest(request.method(), path, params, response.reset() ? 0 : response.status());
            recorded.add(r);
            instance.runtime().record(r);
        }
        return response;
    }

    /** Waits for a task of this node to end (what a command-line tool calling {@link #internal} does). */
    void awaitTask(String upid) {
        instance.cluster().awaitTask(upid);
    }

    /**
     * A call from inside the node ({@code pvesh}): as {@code root@pam}, validated against the schema and
     * routed like a request, without faults; the data, or the {@link PveError} PVE would raise.
     */
    @org.jspecify.annotations.Nullable
    Object internal(String method, String path, Map<String, String> params) {
        List<String> segments = RequestParser.segments(RequestParser.PREFIX + path);
        if (segments == null) {
            throw PveError.status(400, "no such path '" + path + "'");
        }
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        Router.Match match = router.match(method, segments)
                .orElseThrow(() -> PveError.status(501, "Method '" + method + " " + path + "' not implemented"));
        Map<String, String> errors = instance.runtime().validator().validate(method, segments, multi);
        if (!errors.isEmpty()) {
            throw PveError.params(errors);
        }
        instance.cluster().advance();
        Object data = match.handler()
                .handle(new Call(
                        method,
                        "/" + String.join("/", segments),
                        match.vars(),
                        params,
                        multi,
                        "root@pam",
                        Optional.empty()));
        return data instanceof Paged paged ? paged.data() : data;
    }

    List<RecordedRequest> recorded() {
        return List.copyOf(recorded);
    }

    private HttpResponse respond(
            HttpRequest request,
            @org.jspecify.annotations.Nullable List<String> segments,
            String path,
            Map<String, List<String>> multi,
            Map<String, String> params) {
        String method = request.method();
        if (segments == null) {
            return error(PveError.status(501, "no such uri"));
        }
        Optional<String> user = authenticate(request);
        if (user.isEmpty()) {
            return error(PveError.status(401, "Authentication failed!"));
        }
        Optional<String> failTask = Optional.empty();
        for (FaultRule fault : instance.runtime().faults().onRequest(method, path, vmidOf(segments))) {
            Optional<HttpResponse> injected = inject(fault, path, vmidOf(segments));
            if (injected.isPresent()) {
                return injected.get();
            }
            if (fault.kind() == FaultKind.TASK_FAILURE) {
                failTask = Optional.of(fault.messageOr("simulated task failure"));
            }
        }
        if (method.equals("DELETE") && request.body().length > 0) {
            return error(PveError.status(501, "Unexpected content for method 'DELETE'"));
        }
        Optional<Router.Match> match = router.match(method, segments);
        Optional<String> inSchema = instance.runtime().validator().returnsType(method, segments);
        if (match.isEmpty() && inSchema.isEmpty()) {
            return error(PveError.status(501, "Method '" + method + " " + path + "' not implemented"));
        }
        if (segments.size() > 1
                && segments.get(0).equals("nodes")
                && !segments.get(1).equals(instance.node())
                && !segments.get(1).equals("localhost")) {
            // PVE proxies a call for another node to that node's address, whose lookup fails
            String n = segments.get(1);
            return error(PveError.of("hostname lookup '" + n + "' failed - failed to get address info for: " + n
                    + ": Name or service not known"));
        }
        if (match.isEmpty()) {
            return Unmodelled.answer(method, path, inSchema.get());
        }
        try {
            Map<String, String> errors = instance.runtime().validator().validate(method, segments, multi);
            if (!errors.isEmpty()) {
                throw PveError.params(errors);
            }
            Call call = new Call(method, path, match.get().vars(), params, multi, user.get(), failTask);
            instance.cluster().advance();
            Object data = match.get().handler().handle(call);
            return data instanceof Paged paged
                    ? HttpResponse.json(200, "OK", ApiJson.envelope(paged.data(), Map.of("total", paged.total())))
                    : HttpResponse.json(200, "OK", ApiJson.envelope(data, Map.of()));
        } catch (PveError e) {
            return error(e);
        }
    }

    private Optional<HttpResponse> inject(FaultRule fault, String path, OptionalInt vmid) {
        return switch (fault.kind()) {
            case SLOW_RESPONSE -> {
                sleep(fault.delay());
                yield Optional.empty();
            }
            case CONNECTION_RESET -> Optional.of(HttpResponse.resetConnection());
            case HTTP_500 ->
                Optional.of(error(PveError.of(fault.messageOr("got no worker upid - start worker failed"))));
            case HTTP_503 -> Optional.of(error(PveError.status(503, fault.messageOr("Service Unavailable"))));
            case HTTP_596 -> Optional.of(error(PveError.status(596, fault.messageOr("Connection timed out"))));
            case LOCK_TIMEOUT -> Optional.of(error(PveError.of(PveError.lockTimeoutText(vmid.orElse(100)))));
            default -> Optional.empty();
        };
    }

    private Optional<String> authenticate(HttpRequest request) {
        Matcher m = TOKEN.matcher(request.header("authorization").orElse(""));
        if (!m.find()) {
            return Optional.empty();
        }
        String token = URLDecoder.decode(m.group(1).trim(), StandardCharsets.UTF_8);
        int eq = token.indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        return instance.tokens().authenticate(token.substring(0, eq), token.substring(eq + 1));
    }

    private static OptionalInt vmidOf(List<String> segments) {
        int qemu = segments.indexOf("qemu");
        if (qemu >= 0 && qemu + 1 < segments.size() && segments.get(qemu + 1).matches("\\d{1,9}")) {
            return OptionalInt.of(Integer.parseInt(segments.get(qemu + 1)));
        }
        return OptionalInt.empty();
    }

    private static HttpResponse error(PveError e) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (!e.errors().isEmpty()) {
            extra.put("errors", e.errors());
        }
        extra.put("message", e.getMessage() + "\n");
        return HttpResponse.json(e.status(), e.getMessage(), ApiJson.envelope(null, extra));
    }

    private static void sleep(java.time.Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.debug("slow response interrupted");
        }
    }
}
