package dev.homestak.manifests;

import java.util.Locale;
import java.util.Objects;

/**
 * A manifest deployed on a host: what the state, the lock and the VM tag are keyed by.
 *
 * @param manifest the manifest's name
 * @param host     the target host's name ({@code -H})
 */
public record Deployment(String manifest, String host) {

    /** The prefix of every deployment tag. */
    public static final String TAG_PREFIX = "homestak-deploy-";

    /** Validates components. */
    public Deployment {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(host, "host");
    }

    /**
     * The PVE tag every VM of this deployment carries besides {@code homestak}: {@code homestak-deploy-<manifest>}
     * (lower case, only the characters a tag may hold), so that it is found without any state.
     */
    public String tag() {
        return TAG_PREFIX + slug(manifest);
    }

    /** A name safe as a tag part and a file name. */
    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_+.-]", "-");
    }
}
