package dev.homestak.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link SimProfile} YAML, failing with the file and the key path at fault. */
final class ProfileReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");
    private static final Set<String> TOP = Set.of("seed", "timing", "faults", "inner_non_routable");
    private static final Set<String> TIMING =
            Set.of("speed", "boot", "agent_ready", "ssh_ready", "lock_timeout", "default_task", "tasks");
    private static final Set<String> FAULT =
            Set.of("kind", "method", "path", "vmid", "nth", "rate", "delay", "message");

    /** A problem at a key path; caught in {@link #parse} and turned into a failure value. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String where, String problem) {
            super(where + ": " + problem, null, false, false);
        }
    }

    private ProfileReader() {}

    static Either<SimFailure, SimProfile> read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            return Either.left(new SimFailure.Unreadable(file, String.valueOf(e.getMessage())));
        }
    }

    static Either<SimFailure, SimProfile> parse(String source, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("not YAML");
            return Either.left(new SimFailure.Invalid(source, "not valid YAML: " + reason));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Either.right(new SimProfile(Optional.empty(), List.of(), OptionalLong.empty()));
        }
        try {
            object(root, "", TOP);
            OptionalLong seed =
                    root.has("seed") ? OptionalLong.of(number(root.get("seed"), "seed")) : OptionalLong.empty();
            Optional<Timing> timing = root.has("timing") ? Optional.of(timing(root.get("timing"))) : Optional.empty();
            List<FaultRule> faults = new ArrayList<>();
            JsonNode list = root.path("faults");
            if (!list.isMissingNode() && !list.isArray()) {
                throw new Bad("faults", "must be a list of rules");
            }
            for (int i = 0; i < list.size(); i++) {
                faults.add(fault(list.get(i), "faults[" + i + "]"));
            }
            JsonNode inner = root.path("inner_non_routable");
            if (!inner.isMissingNode() && !inner.isBoolean()) {
                throw new Bad("inner_non_routable", "must be true or false");
            }
            return Either.right(new SimProfile(
                    timing, faults, seed, inner.isMissingNode() ? Optional.empty() : Optional.of(inner.asBoolean())));
        } catch (Bad e) {
            return Either.left(new SimFailure.Invalid(source, e.getMessage()));
        }
    }

    private static Timing timing(JsonNode node) {
        object(node, "timing", TIMING);
        Timing base = Timing.realistic();
        Map<String, Duration> tasks = new HashMap<>(base.taskDurations());
        JsonNode taskNode = node.path("tasks");
        if (!taskNode.isMissingNode()) {
            if (!taskNode.isObject()) {
                throw new Bad("timing.tasks", "must map task types (qmstart, qmcreate, ...) to durations");
            }
            taskNode.properties()
                    .forEach(e -> tasks.put(e.getKey(), duration(e.getValue(), "timing.tasks." + e.getKey())));
        }
        double speed = node.has("speed") ? node.get("speed").asDouble(-1) : base.speedFactor();
        if (speed < 0
                || !node.path("speed").isMissingNode() && !node.get("speed").isNumber()) {
            throw new Bad("timing.speed", "must be a number >= 0 (1 = real time, 0 = instant)");
        }
        return new Timing(
                tasks,
                opt(node, "default_task", base.defaultTask()),
                opt(node, "boot", base.bootTime()),
                opt(node, "agent_ready", base.agentReady()),
                opt(node, "ssh_ready", base.sshReady()),
                opt(node, "lock_timeout", base.lockTimeout()),
                speed);
    }

    private static FaultRule fault(JsonNode node, String where) {
        object(node, where, FAULT);
        String kindText = node.path("kind").asText("");
        FaultKind kind;
        try {
            kind = FaultKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Bad(
                    where + ".kind",
                    "unknown fault kind '" + kindText + "' (one of "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(FaultKind.values())
                                            .map(k -> k.name().toLowerCase(Locale.ROOT))
                                            .toList())
                            + ")");
        }
        FaultRule.Builder rule = FaultRule.builder(kind);
        if (node.has("method")) {
            rule.method(node.get("method").asText());
        }
        if (node.has("path")) {
            try {
                rule.path(node.get("path").asText());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new Bad(where + ".path", "not a regular expression: " + e.getDescription());
            }
        }
        if (node.has("vmid")) {
            rule.vmid((int) number(node.get("vmid"), where + ".vmid"));
        }
        if (node.has("nth")) {
            long nth = number(node.get("nth"), where + ".nth");
            if (nth < 1) {
                throw new Bad(where + ".nth", "counts from 1");
            }
            rule.nth((int) nth);
        }
        if (node.has("rate")) {
            double rate = node.get("rate").asDouble(-1);
            if (!node.get("rate").isNumber() || rate < 0 || rate > 1) {
                throw new Bad(where + ".rate", "must be a number from 0 to 1");
            }
            rule.rate(rate);
        }
        if (node.has("delay")) {
            rule.delay(duration(node.get("delay"), where + ".delay"));
        }
        if (node.has("message")) {
            rule.message(node.get("message").asText());
        }
        return rule.build();
    }

    private static void object(JsonNode node, String where, Set<String> allowed) {
        if (!node.isObject()) {
            throw new Bad(where.isEmpty() ? "top level" : where, "must be a mapping");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                throw new Bad(
                        where.isEmpty() ? key : where + "." + key,
                        "unknown key (expected one of "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Duration opt(JsonNode node, String key, Duration fallback) {
        return node.has(key) ? duration(node.get(key), "timing." + key) : fallback;
    }

    /** {@code 250ms}, {@code 2s}, {@code 1.5m}, {@code 1h}, or a bare number of seconds. */
    static Duration duration(JsonNode node, String where) {
        Matcher m = DURATION.matcher(node.asText("").trim());
        if (!node.isValueNode() || !m.matches()) {
            throw new Bad(where, "not a duration '" + node.asText() + "' (write e.g. 250ms, 2s, 1.5m)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 1000;
        };
        return Duration.ofNanos((long) (millis * 1_000_000));
    }

    private static long number(JsonNode node, String where) {
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new Bad(where, "must be a whole number");
        }
        return node.asLong();
    }
}
