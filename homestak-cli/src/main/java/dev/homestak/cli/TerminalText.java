package dev.homestak.cli;

import java.util.regex.Pattern;

/** TerminalText helpers for terminal output. */
final class TerminalText {

    private static final Pattern CONTROL = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|[\\p{Cntrl}&&[^\t]]");

    private TerminalText() {}

    /** The text without ANSI escape sequences and control characters (one printable line). */
    static String clean(String text) {
        return CONTROL.matcher(text.replace('\n', ' ')).replaceAll("");
    }

    /** At most {@code width} characters, ending in {@code …} when cut. */
    static String fit(String text, int width) {
        if (width <= 1) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
