package dev.homestak.scenarios;

/** What happened to one phase in a run. */
public enum PhaseStatus {
    /** The phase's action succeeded. */
    PASSED("passed", "✅"),
    /** The phase's action failed (or was cancelled or timed out). */
    FAILED("failed", "❌"),
    /** The phase was skipped on request ({@code --skip}). */
    SKIPPED("skipped", "⏭️"),
    /** The run ended (failure, cancellation, timeout) before the phase was reached. */
    NOT_RUN("not run", "❓");

    private final String label;
    private final String emoji;

    PhaseStatus(String label, String emoji) {
        this.label = label;
        this.emoji = emoji;
    }

    /** The word the reports show: {@code passed}, {@code failed}, {@code skipped} or {@code not run}. */
    public String label() {
        return label;
    }

    /** The value of the JSON {@code status} field: the label with {@code _} for spaces. */
    public String jsonValue() {
        return label.replace(' ', '_');
    }

    /** The emoji the Markdown report puts before the label (the original's map; {@code ❓} for "other"). */
    public String emoji() {
        return emoji;
    }
}
