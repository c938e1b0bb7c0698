package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The PVE tags a run puts on every VM it creates: {@code homestak} (any run) and {@code homestak-run-<run id>}
 * (this run), so leftovers can be found later ({@link Leftovers}).
 */
final class RunTags {

    /** The tag on every VM homestak created. */
    static final String HOMESTAK = "homestak";
    private static final String RUN_PREFIX = "homestak-run-";

    private RunTags() {
    }

    /** The tag of run {@code runId}. */
    static String of(String runId) {
        return RUN_PREFIX + runId.toLowerCase(java.util.Locale.ROOT);
    }

    /** The value of a VM's {@code tags} option for the run of {@code ctx} (just {@code homestak} without a run id). */
    static String forRun(ActionContext ctx) {
        return runId(ctx).map(id -> HOMESTAK + ";" + of(id)).orElse(HOMESTAK);
    }

    /** The run id fact of {@code ctx}. */
    static Optional<String> runId(ActionContext ctx) {
        return ctx.facts().raw(ScenarioRunner.RUN_ID_FACT).filter(String.class::isInstance).map(String.class::cast);
    }

    /** The tags of a {@code tags} option value (PVE separates them with {@code ;}, {@code ,} or spaces). */
    static List<String> parse(String tags) {
        return Arrays.stream(tags.split("[;,\\s]+")).filter(t -> !t.isBlank()).toList();
    }

    /** The run id in a VM's tags, if one of them is a run tag. */
    static Optional<String> runIdIn(String tags) {
        return parse(tags).stream().filter(t -> t.startsWith(RUN_PREFIX)).map(t -> t.substring(RUN_PREFIX.length())).findFirst();
    }
}
