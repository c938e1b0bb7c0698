package dev.homestak.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What every handle does with a request: send it, decode {@code data}, or wrap a UPID in a {@link Task}. */
final class Calls {

    private final Transport transport;

    Calls(Transport transport) {
        this.transport = transport;
    }

    Transport transport() {
        return transport;
    }

    <T> Either<ProxmoxFailure, T> read(ApiRequest req, Function<JsonNode, T> decoder) {
        return transport.call(req).flatMap(data -> {
            try {
                return Either.right(decoder.apply(data));
            } catch (RuntimeException e) {
                return Either.left(new ProxmoxFailure.Decode(req.describe(), String.valueOf(e.getMessage())));
            }
        });
    }

    Either<ProxmoxFailure, Done> done(ApiRequest req) {
        return transport.call(req).map(data -> Done.DONE);
    }

    Either<ProxmoxFailure, Task> task(ApiRequest req) {
        return transport.call(req).flatMap(data -> upid(req, data));
    }

    /** For calls that answer {@code null} when the work finished within their {@code delay}. */
    Either<ProxmoxFailure, Optional<Task>> optionalTask(ApiRequest req) {
        return transport
                .call(req)
                .flatMap(data -> data.isNull()
                        ? Either.right(Optional.<Task>empty())
                        : upid(req, data).map(Optional::of));
    }

    private Either<ProxmoxFailure, Task> upid(ApiRequest req, JsonNode data) {
        return Upid.parse(data.asText())
                .<ProxmoxFailure>mapLeft(reason -> new ProxmoxFailure.Decode(req.describe(), reason))
                .map(u -> new Task(this, u));
    }

    static ApiRequest request(String method, List<String> segments, List<Map.Entry<String, String>> fields) {
        Form form = Form.empty();
        fields.forEach(f -> form.add(f.getKey(), f.getValue()));
        return new ApiRequest(method, segments, form);
    }

    static <T> List<T> list(JsonNode data, Function<JsonNode, T> element) {
        return Json.list(data, element);
    }
}
