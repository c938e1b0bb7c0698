package dev.homestak.cli;

import java.util.Objects;

/**
 * One pre-flight check: what was checked, whether it passed, and the detail (a version, or what to do).
 *
 * @param section the heading it is listed under
 * @param ok true when it passed
 * @param text the one-line result
 */
record Check(String section, boolean ok, String text) {

    /** Validates components. */
    Check {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
    }

    /** A passed check. */
    static Check pass(String section, String text) {
        return new Check(section, true, text);
    }

    /** A failed check. */
    static Check fail(String section, String text) {
        return new Check(section, false, text);
    }

    /** {@code ✓ text} or {@code ✗ text}. */
    String line() {
        return (ok ? "✓ " : "✗ ") + text;
    }
}
