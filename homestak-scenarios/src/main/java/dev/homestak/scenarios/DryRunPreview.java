package dev.homestak.scenarios;

import java.util.StringJoiner;

/**
 * The dry-run preview, in the original's layout (seed-system §2.6): a header, then {@code [ OK ]} or
 * {@code [SKIP]} per phase with its action and parameters, then a summary.
 */
final class DryRunPreview {

    private static final String RULE = "=".repeat(60);

    private DryRunPreview() {}

    static String render(Scenario scenario, RunOptions options, String host) {
        CleanupPolicy policy = options.cleanupFor(scenario);
        StringJoiner out = new StringJoiner("\n");
        out.add(RULE).add("DRY-RUN: " + scenario.name()).add("Host: " + host).add(RULE);
        int run = 0;
        int skipped = 0;
        for (Phase p : scenario.phases()) {
            boolean skip = options.skip().contains(p.name()) || (scenario.isTeardown(p) && !policy.afterSuccess());
            if (skip) {
                skipped++;
            } else {
                run++;
            }
            out.add((skip ? "[SKIP] " : "[ OK ] ") + p.name() + ": " + p.description());
            out.add("       Action: " + p.actionDetails());
            p.timeout().ifPresent(t -> out.add("       Timeout: " + t.toSeconds() + "s"));
        }
        out.add(RULE);
        out.add(run + " phases to execute, " + skipped + " to skip");
        if (!scenario.cleanup().isEmpty()) {
            out.add("Cleanup: " + policy.cliName() + " ("
                    + String.join(
                            ", ", scenario.cleanup().stream().map(Phase::name).toList()) + ")");
        }
        options.timeout().ifPresent(t -> out.add("Timeout: " + t.toSeconds() + "s"));
        out.add("Mode: DRY-RUN (no changes made)");
        return out.toString();
    }
}
