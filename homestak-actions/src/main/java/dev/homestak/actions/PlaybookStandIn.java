package dev.homestak.actions;

import io.vavr.control.Either;

/**
 * What runs instead of {@code ansible-playbook} for one playbook on a simulated host: a model of the
 * playbook's effect (the simulator's {@code pve-install} turns a VM into a PVE host). Registered with
 * {@link ActionContext.Builder#standIn(String, PlaybookStandIn)}; the Ansible actions and
 * {@link EnsurePveAction} call it in place of the real play (SSH waits still happen).
 */
@FunctionalInterface
public interface PlaybookStandIn {

    /** Models the play of {@code playbook} against {@code host} with the given extra vars. */
    Either<ActionFailure, ActionResult> play(PlaybookRun run, ActionContext ctx);

    /**
     * One play a stand-in is asked to model.
     *
     * @param playbook  the playbook path, e.g. {@code playbooks/pve-install.yml}
     * @param host      the target ({@code ansible_host}); empty for a local play
     * @param extraVars the extra vars (values may be {@code Secret}s)
     */
    record PlaybookRun(String playbook, java.util.Optional<String> host, java.util.Map<String, Object> extraVars) {
        /** Validates and copies. */
        public PlaybookRun {
            java.util.Objects.requireNonNull(playbook, "playbook");
            java.util.Objects.requireNonNull(host, "host");
            extraVars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraVars));
        }

        /** Shows the names of the extra vars only: their values may hold secrets. */
        @Override
        public String toString() {
            return "PlaybookRun[" + playbook + " on " + host.orElse("localhost") + ", vars=" + extraVars.keySet() + "]";
        }
    }
}
