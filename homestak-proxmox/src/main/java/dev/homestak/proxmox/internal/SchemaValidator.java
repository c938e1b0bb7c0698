package dev.homestak.proxmox.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks one request's parameters against an endpoint, producing PVE's 400 {@code errors} map with
 * the texts of pve-common {@code PVE::JSONSchema} ({@code check_object}, {@code check_prop},
 * {@code check_type}).
 */
final class SchemaValidator {

    static final String NOT_DEFINED =
            "property is not defined in schema and the schema does not allow additional properties";
    static final String MISSING = "property is missing and it is not optional";
    static final String DUPLICATE_PATH = "duplicate parameter (already defined in URI)";

    private final PveApiSchema.Endpoint endpoint;

    SchemaValidator(PveApiSchema.Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    Map<String, String> validate(Map<String, List<String>> form) {
        Map<String, String> errors = new TreeMap<>();
        Map<String, List<String>> all = new TreeMap<>(form);
        endpoint.pathVariables().forEach((name, value) -> {
            if (all.containsKey(name)) {
                errors.put(name, DUPLICATE_PATH);
            }
            all.put(name, List.of(value));
        });
        all.forEach((name, values) -> checkParam(name, values, errors));
        endpoint.parameters().forEach((name, param) -> {
            if (!param.optional() && !name.endsWith("[n]") && !all.containsKey(name)) {
                errors.putIfAbsent(name, MISSING);
            }
        });
        all.forEach((name, values) -> endpoint.param(name)
                .flatMap(SchemaParam::requires)
                .filter(required -> !all.containsKey(required))
                .ifPresent(required ->
                        errors.putIfAbsent(required, "missing property - '" + name + "' requires this property")));
        return Collections.unmodifiableMap(errors);
    }

    private void checkParam(String name, List<String> values, Map<String, String> errors) {
        Optional<SchemaParam> param = endpoint.param(name);
        if (param.isEmpty()) {
            errors.put(name, NOT_DEFINED);
            return;
        }
        SchemaParam p = param.get();
        if (p.type().equals("array")) {
            SchemaParam item = p.items().orElse(SchemaParam.builder(name).build());
            for (String v : values) {
                Optional<String> error = checkValue(item, v);
                if (error.isPresent()) {
                    errors.put(name, error.get());
                    return;
                }
            }
            return;
        }
        if (values.size() != 1) {
            errors.put(name, "type check ('" + p.type() + "') failed - got ARRAY");
            return;
        }
        checkValue(p, values.get(0)).ifPresent(e -> errors.put(name, e));
    }

    /** PVE's message for one scalar value, or empty when it passes. */
    static Optional<String> checkValue(SchemaParam p, String value) {
        Optional<String> typeError = checkType(p.type(), value);
        if (typeError.isPresent()) {
            return typeError;
        }
        if (p.isPropertyString()) {
            return PropertyStrings.check(p, value).map(e -> "invalid format - " + e);
        }
        Optional<String> formatError = p.format().flatMap(f -> NamedFormats.check(f, value));
        if (formatError.isPresent()) {
            return formatError.map(e -> "invalid format - " + e);
        }
        return checkConstraints(p, value);
    }

    private static Optional<String> checkType(String type, String value) {
        boolean ok = switch (type) {
            case "boolean" -> value.equals("0") || value.equals("1");
            case "integer" -> value.matches("[+-]?\\d+");
            case "number" -> value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
            default -> true;
        };
        return ok ? Optional.empty() : Optional.of("type check ('" + type + "') failed - got '" + value + "'");
    }

    private static Optional<String> checkConstraints(SchemaParam p, String value) {
        if (p.type().equals("integer") || p.type().equals("number")) {
            double d = Double.parseDouble(value);
            if (p.minimum().isPresent() && d < p.minimum().get()) {
                return Optional.of("value must have a minimum value of "
                        + plain(p.minimum().get()));
            }
            if (p.maximum().isPresent() && d > p.maximum().get()) {
                return Optional.of("value must have a maximum value of "
                        + plain(p.maximum().get()));
            }
        }
        if (p.maxLength().isPresent() && value.length() > p.maxLength().getAsInt()) {
            return Optional.of("value may only be " + p.maxLength().getAsInt() + " characters long");
        }
        if (p.minLength().isPresent() && value.length() < p.minLength().getAsInt()) {
            return Optional.of("value must be at least " + p.minLength().getAsInt() + " characters long");
        }
        if (p.pattern().isPresent() && !Patterns.matches(p.pattern().get(), value)) {
            return Optional.of("value does not match the regex pattern");
        }
        if (!p.enumValues().isEmpty() && !p.enumValues().contains(value)) {
            return Optional.of("value '" + value + "' does not have a value in the enumeration '"
                    + String.join(", ", p.enumValues()) + "'");
        }
        return Optional.empty();
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
