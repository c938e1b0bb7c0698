package dev.homestak.actions;

import dev.homestak.core.Facts;
import java.util.List;
import java.util.Objects;

/**
 * What a successful step reports: the message for the run report and the facts to merge into the
 * run's facts (the original's {@code context_updates}).
 *
 * @param message human message, copied into the report
 * @param facts   facts produced by the step, merged on success only
 */
public record ActionResult(String message, Facts facts) {

    /** Validates components. */
    public ActionResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(facts, "facts");
    }

    /** A result without facts. */
    public static ActionResult of(String message) {
        return new ActionResult(message, Facts.empty());
    }

    /** A result with facts. */
    public static ActionResult of(String message, Facts facts) {
        return new ActionResult(message, facts);
    }

    /** Several results as one: messages joined with "; ", facts merged in order (later wins). */
    public static ActionResult combine(List<ActionResult> results) {
        Facts facts = Facts.empty();
        for (ActionResult r : results) {
            facts = facts.merge(r.facts());
        }
        return new ActionResult(
                String.join("; ", results.stream().map(ActionResult::message).toList()), facts);
    }
}
