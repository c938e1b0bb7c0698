package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import java.util.List;
import java.util.Optional;

/**
 * The PVE tags a run puts on every VM it creates: {@code homestak} (any run) and {@code homestak-run-<run id>}
 * (this run), so leftovers can be found later ({@link Leftovers}).
 */
public final class RunTags {

    /** The tag on every VM homestak created. */
    public static final String HOMESTAK = "homestak";

    private static final String RUN_PREFIX = "homestak-run-";

    private RunTags() {}

    /** The tag of run {@code runId} (lower case, as PVE keeps tags; only characters a tag may hold). */
    public static String of(String runId) {
        return RUN_PREFIX + normalized(runId);
    }

    /** The run id as its tag holds it. */
    public static String normalized(String runId) {
        return runId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_+.-]", "-");
    }

    /** The id of the run {@code ctx} belongs to. */
    public static Optional<String> runId(ActionContext ctx) {
        return ctx.run().runId();
    }

    /** The run id in a VM's tags ({@link dev.homestak.actions.DiscoveredVm#tags()}), if one of them is a run tag. */
    public static Optional<String> runIdIn(List<String> tags) {
        return tags.stream()
                .filter(t -> t.startsWith(RUN_PREFIX))
                .map(t -> t.substring(RUN_PREFIX.length()))
                .findFirst();
    }
}
