package dev.homestak.core;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Conversions between sops' plaintext forms and Java values, matching Go's {@code strconv}
 * (what sops uses): the bytes a value contributes to the MAC, and the parsing of decrypted
 * {@code int}, {@code float} and {@code bool} values.
 */
final class SopsValues {

    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private SopsValues() {}

    /**
     * The bytes sops hashes into the MAC for a leaf value ({@code ToBytes} in {@code sops.go}),
     * or none for a type sops cannot hold.
     */
    static Option<byte[]> toBytes(Object value) {
        return switch (value) {
            case String s -> Option.of(s.getBytes(StandardCharsets.UTF_8));
            case Boolean b -> Option.of((b ? "True" : "False").getBytes(StandardCharsets.US_ASCII));
            case Integer i -> ascii(i.toString());
            case Long l -> ascii(l.toString());
            case BigInteger i -> ascii(i.toString());
            case Double d -> ascii(formatFloat(d));
            case Float f -> ascii(formatFloat(f.doubleValue()));
            case BigDecimal d -> ascii(formatFloat(d.doubleValue()));
            case byte[] bytes -> Option.of(bytes.clone());
            default -> Option.none();
        };
    }

    private static Option<byte[]> ascii(String s) {
        return Option.of(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Go's {@code strconv.FormatFloat(d, 'f', -1, 64)}: shortest round-trip digits, never an exponent. */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** Go's {@code strconv.Atoi} on 64 bits, as Integer when it fits, else Long. */
    static Option<Object> parseInt(String text) {
        try {
            long value = Long.parseLong(text);
            return Option.of(value == (int) value ? (Object) (int) value : (Object) value);
        } catch (NumberFormatException e) {
            return Option.none();
        }
    }

    /** Go's {@code strconv.ParseFloat} for the forms sops writes (decimal, {@code NaN}, {@code ±Inf}). */
    static Option<Object> parseFloat(String text) {
        switch (text) {
            case "NaN":
                return Option.of(Double.NaN);
            case "Inf", "+Inf":
                return Option.of(Double.POSITIVE_INFINITY);
            case "-Inf":
                return Option.of(Double.NEGATIVE_INFINITY);
            default:
                break;
        }
        if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Option.none();
        }
        return Option.of(Double.parseDouble(text));
    }

    /** Go's {@code strconv.ParseBool}. */
    static Option<Object> parseBool(String text) {
        if (TRUE.contains(text)) {
            return Option.of(Boolean.TRUE);
        }
        return FALSE.contains(text) ? Option.of(Boolean.FALSE) : Option.none();
    }
}
