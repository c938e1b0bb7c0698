package dev.homestak.core;

import java.util.List;

/**
 * The {@code site.yaml} keys that upstream renamed (v0.57 → v0.58), as pairs of today's name and the
 * older one. Both are read; an older name gets a one-line notice.
 *
 * @param current today's name ({@code host_user})
 * @param old the older name, still accepted ({@code ssh_user})
 */
record SiteKeys(String current, String old) {

    /** Every renamed key. */
    static final List<SiteKeys> RENAMED = List.of(
            new SiteKeys("host_user", "ssh_user"),
            new SiteKeys("vm_user", "automation_user"),
            new SiteKeys("server_url", "spec_server"),
            new SiteKeys("image_release", "packer_release"),
            new SiteKeys("image_release_repo", "packer_release_repo"));

    /** The text keys of {@code defaults} that are type-checked (lists are checked separately). */
    static final List<String> TEXT = List.of(
            "datastore",
            "bridge",
            "gateway",
            "timezone",
            "domain",
            "host_user",
            "ssh_user",
            "vm_user",
            "automation_user",
            "server_url",
            "spec_server",
            "image_release",
            "packer_release",
            "image_release_repo",
            "packer_release_repo");

    /** The list-of-text keys of {@code defaults}. */
    static final List<String> LISTS = List.of("dns_servers", "packages");
}
