package dev.homestak.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules the schema does not state but creating the nodes needs: a manifest name that can name a state file
 * and a VM tag, node names that are hostnames, vmids PVE accepts, and an image and a preset for every VM.
 */
final class ManifestNames {

    /** A DNS label: what a VM's hostname (and PVE's {@code name}) can be. */
    private static final Pattern HOSTNAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    /** No path separators or spaces: the name is part of the state file's path and of the VMs' tag. */
    private static final Pattern MANIFEST = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
    /** PVE's largest VM id. */
    static final long MAX_VMID = 999_999_999L;

    private ManifestNames() {}

    static void check(ManifestDoc doc, Set<String> presets, ManifestProblems problems) {
        ManifestBinder.text(doc.root(), "name")
                .filter(n -> !MANIFEST.matcher(n).matches())
                .ifPresent(
                        n -> problems.invalid(
                                doc,
                                "name",
                                "'" + n + "' is not a usable manifest name — use letters, digits, '-', '_' "
                                        + "and '.' (at most 63, starting with a letter or digit): it names the deployment's state and VM tag"));
        JsonNode buffer = doc.root().path("settings").path("timeout_buffer");
        atMost(doc, "settings.timeout_buffer", buffer, Integer.MAX_VALUE, " (seconds)", problems);
        if (buffer.isIntegralNumber() && buffer.bigIntegerValue().signum() < 0) {
            problems.invalid(doc, "settings.timeout_buffer", "must be at least 0 (seconds), not " + buffer.asText());
        }
        JsonNode nodes = doc.root().path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String at = ManifestDoc.index("nodes", i);
            ManifestBinder.text(n, "name")
                    .filter(s -> !HOSTNAME.matcher(s).matches())
                    .ifPresent(
                            s -> problems.invalid(
                                    doc,
                                    ManifestDoc.child(at, "name"),
                                    "'" + s + "' is not a hostname — use letters, "
                                            + "digits and '-' (at most 63, not starting or ending with '-'): it becomes the VM's hostname"));
            atMost(doc, ManifestDoc.child(at, "vmid"), n.path("vmid"), MAX_VMID, " (PVE's largest VM id)", problems);
            atMost(doc, ManifestDoc.child(at, "disk"), n.path("disk"), Integer.MAX_VALUE, " (GB)", problems);
            boolean vm = ManifestBinder.text(n, "type")
                    .filter(t -> t.equals("vm") || t.equals("pve"))
                    .isPresent();
            String name =
                    ManifestBinder.text(n, "name").map(s -> "node '" + s + "'").orElse(at);
            if (vm && n.path("image").isMissingNode()) {
                problems.invalid(
                        doc,
                        ManifestDoc.child(at, "image"),
                        "is required for " + name + " — add 'image:' ("
                                + "a cloud image, e.g. debian-12, or pve-9 for a pve node)");
            }
            if (vm && n.path("preset").isMissingNode()) {
                problems.invalid(
                        doc,
                        ManifestDoc.child(at, "preset"),
                        "is required for " + name + " (its cores, memory and " + "disk) — add 'preset:' ("
                                + (presets.isEmpty() ? "and a presets/ file" : "one of " + String.join(", ", presets))
                                + ")");
            }
        }
    }

    /** A whole number above {@code max} (the schema sets only minimums) would not fit the model or PVE. */
    private static void atMost(
            ManifestDoc doc, String path, JsonNode value, long max, String unit, ManifestProblems problems) {
        if (value.isIntegralNumber() && value.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0) {
            problems.invalid(doc, path, "must be at most " + max + unit + ", not " + value.asText());
        }
    }
}
