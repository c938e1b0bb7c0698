package dev.homestak.scenarios.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Number and time formats shared by the report writers, matching the original's Python formatting. */
final class ReportFormat {

    private ReportFormat() {}

    /** Seconds as a double with nanosecond precision (the original's float seconds). */
    static double seconds(Duration d) {
        // parsed from the exact decimal so that the shortest repr is that decimal (1 + 0.48 would give
        // 1.4800000000000002)
        return Double.parseDouble(d.getSeconds() + "." + String.format("%09d", d.getNano()));
    }

    /** Seconds truncated to microseconds, as Python's {@code timedelta.total_seconds()}. */
    static double secondsMicros(Duration d) {
        return Double.parseDouble(d.getSeconds() + "." + String.format("%06d", d.getNano() / 1000));
    }

    /** Python's {@code "%.1f" % seconds}: round half even on the exact binary value. */
    static String oneDecimal(double seconds) {
        return new BigDecimal(seconds).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Three decimals for JUnit {@code time} attributes. */
    static String threeDecimals(double seconds) {
        return new BigDecimal(seconds).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The naive local time of an instant, as the original's {@code datetime.now()}. */
    static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
