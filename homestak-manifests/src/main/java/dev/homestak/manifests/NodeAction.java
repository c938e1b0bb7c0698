package dev.homestak.manifests;

import java.util.Locale;

/** What a plan does with a node. */
public enum NodeAction {
    /** Not there: create it. */
    CREATE,
    /** There, running, reachable, unchanged: leave it. */
    KEEP,
    /** There but missing, stopped, unreachable or changed: destroy what is left and create it again. */
    REPLACE,
    /** In the deployment but no longer in the manifest: destroy it. */
    DESTROY;

    /** The lower-case word the plan prints. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
