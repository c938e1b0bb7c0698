package dev.homestak.cli;

import dev.homestak.scenarios.CleanupPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters with one-line messages that say what is accepted. */
final class Converters {

    private Converters() {}

    /** {@code --timeout}: seconds, whole or decimal, greater than zero. */
    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                double seconds = Double.parseDouble(value.strip());
                if (seconds > 0 && seconds < 1e9) {
                    return Duration.ofNanos(Math.round(seconds * 1e9));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected seconds greater than 0 (e.g. 600 or 2.5), got '" + value + "'");
        }
    }

    /** {@code --cleanup always|on-success|on-failure|never}. */
    static final class Cleanup implements ITypeConverter<CleanupPolicy> {
        @Override
        public CleanupPolicy convert(String value) {
            return CleanupPolicy.parse(value.replace('_', '-'))
                    .orElseThrow(() -> new TypeConversionException(
                            "expected one of " + CleanupPolicy.choices() + ", got '" + value + "'"));
        }
    }

    /** Completion candidates of {@code --cleanup}. */
    static final class CleanupNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(CleanupPolicy.values())
                    .map(CleanupPolicy::cliName)
                    .iterator();
        }
    }
}
