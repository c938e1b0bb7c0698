package dev.homestak.scenarios.internal;

import java.util.regex.Pattern;

/** ReportText cleaning for reports: ANSI codes out, Markdown table cells and XML made safe. */
public final class ReportText {

    // CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks) and any stray two-byte escape
    private static final Pattern ANSI =
            Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[@-_]?");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private ReportText() {}

    /** The text without ANSI escape sequences. */
    public static String stripAnsi(String text) {
        return text.indexOf('\u001B') < 0 ? text : ANSI.matcher(text).replaceAll("");
    }

    /**
     * The text as one Markdown table cell: ANSI codes removed, {@code \} and {@code |} escaped, line breaks
     * as {@code <br>}, other control characters dropped — so multi-line stderr cannot break the table.
     */
    public static String markdownCell(String text) {
        String clean = stripAnsi(text).strip().replace("\\", "\\\\").replace("|", "\\|");
        clean = LINE_BREAK.matcher(clean).replaceAll("<br>");
        return dropControls(clean);
    }

    /** The text safe for an XML attribute or element: escaped, and characters XML 1.0 forbids dropped. */
    public static String xml(String text) {
        String clean = dropControlsKeepingBreaks(stripAnsi(text));
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String dropControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7F).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String dropControlsKeepingBreaks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == '\n' || cp == '\r' || cp == '\t' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
