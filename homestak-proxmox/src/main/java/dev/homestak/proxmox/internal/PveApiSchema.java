package dev.homestak.proxmox.internal;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The Proxmox VE API contract (the router's own schema, {@code apidata.js} from pve-docs): finds
 * the endpoint a concrete request path belongs to and checks request parameters the way PVE does,
 * answering with PVE's own 400 {@code errors} texts.
 *
 * <p>{@link #bundled()} is the PVE 9.1 schema shipped in this jar; {@link #load(Path)} reads another
 * one (for example the PVE 8.4 file). Instances are immutable and thread-safe.
 */
public final class PveApiSchema {

    /** The message of a parameter the endpoint does not define (PVE's own text). */
    public static final String NOT_DEFINED = SchemaValidator.NOT_DEFINED;

    private static final String RESOURCE = "pve-api-schema.json.gz";
    private static final Pattern INDEXED = Pattern.compile("([a-z_]+?)(\\d+)");

    /** Endpoints by method, then by number of path segments (matching only compares those). */
    private final Map<String, Map<Integer, List<Endpoint>>> byMethod;

    private final int endpointCount;

    private PveApiSchema(List<Endpoint> endpoints) {
        Map<String, Map<Integer, List<Endpoint>>> index = new TreeMap<>();
        for (Endpoint e : endpoints) {
            index.computeIfAbsent(e.method(), m -> new TreeMap<>())
                    .computeIfAbsent(segments(e.template()).size(), n -> new ArrayList<>())
                    .add(e);
        }
        this.byMethod = index;
        this.endpointCount = endpoints.size();
    }

    /** The PVE 9.1 schema bundled in this jar, read once on first use. */
    public static PveApiSchema bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Reads a schema file in the {@code pve-api-schema.json} layout (plain or {@code .gz}).
     *
     * @return the schema, or a one-line reason naming the file
     */
    public static Either<String, PveApiSchema> load(Path json) {
        requireNonNull(json, "json");
        try (InputStream raw = Files.newInputStream(json);
                InputStream in = json.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return Either.right(new PveApiSchema(SchemaReader.read(in)));
        } catch (IOException | RuntimeException e) {
            return Either.left("cannot read PVE API schema " + json + ": " + e.getMessage());
        }
    }

    /** How many method+path endpoints the schema defines. */
    public int size() {
        return endpointCount;
    }

    /** Every endpoint, as templates with empty path variables. */
    public List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        byMethod.values().forEach(bySize -> bySize.values().forEach(all::addAll));
        return List.copyOf(all);
    }

    /**
     * Finds the endpoint that serves {@code method} on a concrete path such as
     * {@code /nodes/pve/qemu/100/status/start}; the returned endpoint carries the path variable
     * values ({@code node=pve, vmid=100}), each segment percent-decoded.
     *
     * <p>The path is relative to {@code /api2/json}; a leading {@code /api2/json} is stripped. A
     * template may also be passed: its variables then hold their own {@code {name}} text.
     */
    public Optional<Endpoint> endpoint(String method, String concretePath) {
        List<String> given = segments(stripPrefix(concretePath));
        List<Endpoint> candidates =
                byMethod.getOrDefault(method.toUpperCase(Locale.ROOT), Map.of()).getOrDefault(given.size(), List.of());
        Endpoint best = null;
        int bestScore = -1;
        for (Endpoint candidate : candidates) {
            int score = literalScore(segments(candidate.template()), given);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(e -> e.withPathVariables(bind(e.template(), given)));
    }

    /**
     * Checks form parameters for a request the way PVE's JSON-schema check does.
     *
     * @return an empty map when PVE would accept them, else PVE's 400 {@code errors} map
     *     (parameter name to PVE's message)
     * @throws IllegalArgumentException if no endpoint serves the method and path (PVE answers 501;
     *     look it up with {@link #endpoint} first)
     */
    public Map<String, String> validate(String method, String concretePath, Map<String, String> params) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        return validateMulti(method, concretePath, multi);
    }

    /**
     * Like {@link #validate(String, String, Map)} for requests with repeated keys (array parameters
     * such as {@code agent/exec} {@code command=ls&command=-la}).
     */
    public Map<String, String> validateMulti(String method, String concretePath, Map<String, List<String>> params) {
        Endpoint endpoint = endpoint(method, concretePath)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Method '" + method + " " + concretePath + "' not implemented (not in the PVE schema)"));
        return validate(endpoint, params);
    }

    /** Checks parameters against an endpoint found by {@link #endpoint}, path variables included. */
    public Map<String, String> validate(Endpoint endpoint, Map<String, List<String>> params) {
        return new SchemaValidator(endpoint).validate(params);
    }

    private static int literalScore(List<String> template, List<String> given) {
        int score = 0;
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (isVariable(t)) {
                continue;
            }
            if (!t.equals(given.get(i))) {
                return -1;
            }
            // earlier literal segments weigh more, so /a/b/{x} beats /a/{y}/c for /a/b/c
            score += 1 << (template.size() - i);
        }
        return score;
    }

    private static Map<String, String> bind(String template, List<String> given) {
        List<String> parts = segments(template);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            if (isVariable(parts.get(i))) {
                values.put(parts.get(i).substring(1, parts.get(i).length() - 1), given.get(i));
            }
        }
        return values;
    }

    static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String stripPrefix(String path) {
        String p = path.startsWith("/api2/json") ? path.substring("/api2/json".length()) : path;
        int query = p.indexOf('?');
        return query >= 0 ? p.substring(0, query) : p;
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(isVariable(s) ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Holder idiom: the 2 MB schema is parsed only when first asked for. */
    private static final class Bundled {
        static final PveApiSchema INSTANCE = readBundled();

        private static PveApiSchema readBundled() {
            try (InputStream raw = PveApiSchema.class.getResourceAsStream(RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " missing from the jar");
                }
                try (InputStream in = new GZIPInputStream(raw)) {
                    return new PveApiSchema(SchemaReader.read(in));
                }
            } catch (IOException e) {
                throw new IllegalStateException("bundled PVE schema unreadable (broken jar?)", e);
            }
        }
    }

    /**
     * One method on one path of the API.
     *
     * @param method HTTP method, upper case
     * @param template path template relative to {@code /api2/json}, e.g. {@code /nodes/{node}/qemu}
     * @param pathVariables variable name to concrete (decoded) value, in path order; empty when
     *     listed by {@link #endpoints()}
     * @param parameters parameter schemas by schema name (indexed ones as {@code net[n]}); path
     *     variables are listed here too, as PVE does
     * @param allowToken false for endpoints an API token may not call ({@code allowtoken: 0})
     * @param returnsType the schema's {@code returns.type} ({@code array}, {@code object}, {@code string},
     *     {@code null}, ...), empty when it names none
     */
    public record Endpoint(
            String method,
            String template,
            Map<String, String> pathVariables,
            Map<String, SchemaParam> parameters,
            boolean allowToken,
            String returnsType) {

        /** An endpoint whose return type is not known. */
        public Endpoint(
                String method,
                String template,
                Map<String, String> pathVariables,
                Map<String, SchemaParam> parameters,
                boolean allowToken) {
            this(method, template, pathVariables, parameters, allowToken, "");
        }

        /** Validates and copies. */
        public Endpoint {
            requireNonNull(method, "method");
            requireNonNull(template, "template");
            requireNonNull(returnsType, "returnsType");
            pathVariables = Collections.unmodifiableMap(new LinkedHashMap<>(pathVariables));
            parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        }

        /** The variable names in the template, in path order. */
        public List<String> pathVariableNames() {
            return segments(template).stream()
                    .filter(PveApiSchema::isVariable)
                    .map(s -> s.substring(1, s.length() - 1))
                    .toList();
        }

        /** This endpoint with other path variable values. */
        public Endpoint withPathVariables(Map<String, String> values) {
            return new Endpoint(method, template, values, parameters, allowToken, returnsType);
        }

        /**
         * The schema for a parameter as sent on the wire: {@code net0} resolves to {@code net[n]}
         * when that index is within the range PVE documents.
         */
        public Optional<SchemaParam> param(String wireName) {
            SchemaParam direct = parameters.get(wireName);
            if (direct != null) {
                return Optional.of(direct);
            }
            Matcher m = INDEXED.matcher(wireName);
            if (!m.matches() || (m.group(2).length() > 1 && m.group(2).startsWith("0"))) {
                return Optional.empty();
            }
            SchemaParam indexed = parameters.get(m.group(1) + "[n]");
            if (indexed == null) {
                return Optional.empty();
            }
            OptionalInt max = indexed.maxIndex();
            int index = Integer.parseInt(m.group(2));
            return max.isPresent() && index > max.getAsInt() ? Optional.empty() : Optional.of(indexed);
        }

        /** Parameter names that are path variables of this endpoint. */
        Set<String> pathVariableSet() {
            return Set.copyOf(pathVariableNames());
        }
    }
}
