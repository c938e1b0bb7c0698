package dev.homestak.actions.internal;

/** Text helpers of the adapters. */
final class Texts {

    private Texts() {}

    /** The first {@code max} characters of the first line. */
    static String preview(String text, int max) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}
