package dev.homestak.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Rules the schema does not state but creating the nodes needs: a manifest name that can name a state file
 * and a VM tag, node names that are hostnames, vmids PVE accepts, and an image for every VM.
 */
final class ManifestNames {

    /** A DNS label: what a VM's hostname (and PVE's {@code name}) can be. */
    private static final Pattern HOSTNAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    /** No path separators or spaces: the name is part of the state file's path and of the VMs' tag. */
    private static final Pattern MANIFEST = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
    /** PVE's largest VM id. */
    static final long MAX_VMID = 999_999_999L;

    private ManifestNames() {
    }

    static void check(ManifestDoc doc, ManifestProblems problems) {
        ManifestBinder.text(doc.root(), "name").filter(n -> !MANIFEST.matcher(n).matches()).ifPresent(n ->
                problems.invalid(doc, "name", "'" + n + "' is not a usable manifest name — use letters, digits, '-', '_' "
                        + "and '.' (at most 63, starting with a letter or digit): it names the deployment's state and VM tag"));
        JsonNode nodes = doc.root().path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String at = ManifestDoc.index("nodes", i);
            ManifestBinder.text(n, "name").filter(s -> !HOSTNAME.matcher(s).matches()).ifPresent(s ->
                    problems.invalid(doc, ManifestDoc.child(at, "name"), "'" + s + "' is not a hostname — use letters, "
                            + "digits and '-' (at most 63, not starting or ending with '-'): it becomes the VM's hostname"));
            JsonNode vmid = n.path("vmid");
            if (vmid.isIntegralNumber() && vmid.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(MAX_VMID)) > 0) {
                problems.invalid(doc, ManifestDoc.child(at, "vmid"), "must be at most " + MAX_VMID + " (PVE's largest VM id), not "
                        + vmid.asText());
            }
            boolean vm = ManifestBinder.text(n, "type").filter(t -> t.equals("vm") || t.equals("pve")).isPresent();
            if (vm && n.path("image").isMissingNode()) {
                String name = ManifestBinder.text(n, "name").map(s -> "node '" + s + "'").orElse(at);
                problems.invalid(doc, ManifestDoc.child(at, "image"), "is required for " + name + " — add 'image:' ("
                        + "a cloud image, e.g. debian-12, or pve-9 for a pve node)");
            }
        }
    }
}
