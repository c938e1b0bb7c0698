package dev.homestak.core.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/**
 * A JSON writer whose output is byte-for-byte what Python's {@code json.dumps(value, indent=2)} writes (the
 * original wrote its reports and context file that way): {@code ": "} between key and value, two-space indent,
 * {@code ensure_ascii} escapes, floats as Python's {@code repr}. Without indent it writes compact JSON
 * ({@code ,} and {@code :}), one object per line, for the event stream.
 *
 * <p>Values: {@link String}, {@link Number}, {@link Boolean}, {@link Map} (insertion order kept),
 * {@link Collection}, {@link Raw}; anything else is written as its {@code toString()} string, as the
 * original stringified values it could not serialise.
 */
public final class PyJson {

    /** Already-rendered JSON, inserted as is (a float formatted elsewhere). */
    public record Raw(String json) {}

    private PyJson() {}

    /** Pretty JSON exactly as Python's {@code json.dumps(value, indent=2)}. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(out, value, 0, true);
        return out.toString();
    }

    /** Compact JSON on one line (separators {@code ,} and {@code :}). */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder(128);
        write(out, value, 0, false);
        return out.toString();
    }

    /** A double as Python's {@code repr(float)}: shortest round-trip digits, exponent below 1e-4 or from 1e16. */
    public static String pyFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        // Double.toString gives the shortest digits that round-trip (JDK 19+), as Python's repr does
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale();
        if (decpt > -4 && decpt <= 16) {
            return sign + fixed(digits, decpt);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int exp = decpt - 1;
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** A local time as Python's {@code datetime.isoformat()}: microseconds, omitted when zero. */
    public static String isoformat(LocalDateTime time) {
        LocalDateTime t = time.truncatedTo(ChronoUnit.MICROS);
        String base = t.truncatedTo(ChronoUnit.SECONDS).toString();
        if (t.getSecond() == 0 && base.length() == 16) {
            base = base + ":00"; // LocalDateTime drops ":00" seconds; isoformat never does
        }
        int micros = t.getNano() / 1000;
        return micros == 0 ? base : base + "." + String.format("%06d", micros);
    }

    private static String fixed(String digits, int decpt) {
        if (decpt <= 0) {
            return "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= digits.length()) {
            return digits + "0".repeat(decpt - digits.length()) + ".0";
        }
        return digits.substring(0, decpt) + "." + digits.substring(decpt);
    }

    private static void write(StringBuilder out, Object value, int level, boolean pretty) {
        switch (value) {
            case Raw raw -> out.append(raw.json());
            case String s -> string(out, s);
            case Boolean b -> out.append(b ? "true" : "false");
            case Double d -> out.append(pyFloat(d));
            case Float f -> out.append(pyFloat(f));
            case Number n -> out.append(n.toString());
            case Map<?, ?> map -> object(out, map, level, pretty);
            case Collection<?> list -> array(out, list, level, pretty);
            default -> string(out, value.toString());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int level, boolean pretty) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            separator(out, first, level + 1, pretty);
            first = false;
            string(out, String.valueOf(e.getKey()));
            out.append(pretty ? ": " : ":");
            write(out, e.getValue(), level + 1, pretty);
        }
        newline(out, level, pretty);
        out.append('}');
    }

    private static void array(StringBuilder out, Collection<?> list, int level, boolean pretty) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            separator(out, first, level + 1, pretty);
            first = false;
            write(out, item, level + 1, pretty);
        }
        newline(out, level, pretty);
        out.append(']');
    }

    private static void separator(StringBuilder out, boolean first, int level, boolean pretty) {
        if (!first) {
            out.append(',');
        }
        newline(out, level, pretty);
    }

    private static void newline(StringBuilder out, int level, boolean pretty) {
        if (pretty) {
            out.append('\n').append("  ".repeat(level));
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
