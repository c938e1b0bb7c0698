package dev.homestak.actions.internal;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers shared by the actions and their adapters: durations for messages, ANSI stripping, tails. */
public final class Texts {

    // CSI sequences (colours, cursor moves) and the two-byte escapes tools emit
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");

    private Texts() {}

    /** {@code 250ms}, {@code 5s}, {@code 1.5s}, {@code 2m30s}. */
    public static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return millis % 1000 == 0
                    ? millis / 1000 + "s"
                    : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds / 60 + "m" + seconds % 60 + "s";
    }

    /** The text without ANSI escape sequences. */
    public static String stripAnsi(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    /** The last non-blank lines joined with " | ", without ANSI codes, at most {@code max} characters. */
    public static String tail(List<String> lines, int max) {
        String joined = String.join(
                " | ",
                lines.stream()
                        .map(Texts::stripAnsi)
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList());
        return joined.length() <= max ? joined : "..." + joined.substring(joined.length() - max);
    }

    /** The first {@code max} characters of the first line. */
    public static String preview(String text, int max) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}
