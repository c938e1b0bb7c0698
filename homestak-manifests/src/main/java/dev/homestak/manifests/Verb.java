package dev.homestak.manifests;

import java.util.Locale;

/** The manifest verbs that run. */
public enum Verb {
    /** Create or resume every node. */
    APPLY,
    /** Remove every node, children first. */
    DESTROY,
    /** Apply, verify every node, destroy. */
    TEST;

    /** The CLI word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
