package dev.homestak.sim.internal;

import dev.homestak.proxmox.internal.PveApiSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Request validation against the PVE 9.1 schema bundled with homestak-proxmox ({@link PveApiSchema}). */
public final class SchemaRequestValidator implements RequestValidator {

    private final PveApiSchema schema;

    private SchemaRequestValidator(PveApiSchema schema) {
        this.schema = schema;
    }

    /** The validator for the bundled PVE 9.1 schema. */
    public static RequestValidator bundled() {
        return new SchemaRequestValidator(PveApiSchema.bundled());
    }

    /**
     * The validator for the bundled schema, read on a background thread from now on (a tenth of a second of
     * JSON) while the simulator starts; the first request waits for it if it must.
     */
    public static RequestValidator bundledInBackground() {
        CompletableFuture<RequestValidator> loading = CompletableFuture.supplyAsync(
                SchemaRequestValidator::bundled,
                runnable -> Thread.ofPlatform().daemon().name("sim-schema").start(runnable));
        return new RequestValidator() {
            @Override
            public Map<String, String> validate(
                    String method, List<String> segments, Map<String, List<String>> params) {
                return loading.join().validate(method, segments, params);
            }

            @Override
            public java.util.Optional<String> returnsType(String method, List<String> segments) {
                return loading.join().returnsType(method, segments);
            }
        };
    }

    @Override
    public Map<String, String> validate(String method, List<String> segments, Map<String, List<String>> params) {
        return schema.endpoint(method, encoded(segments))
                .map(e -> schema.validate(e, params))
                .orElse(Map.of());
    }

    @Override
    public java.util.Optional<String> returnsType(String method, List<String> segments) {
        return schema.endpoint(method, encoded(segments)).map(PveApiSchema.Endpoint::returnsType);
    }

    /** The schema binds path variables from a percent-encoded path (volume ids contain '/'). */
    private static String encoded(List<String> segments) {
        return segments.stream()
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/", "/", ""));
    }
}
