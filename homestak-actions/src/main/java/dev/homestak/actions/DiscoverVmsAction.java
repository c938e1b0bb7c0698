package dev.homestak.actions;

import dev.homestak.proxmox.model.ClusterResource;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds VMs by name pattern, id range and (optionally) tag [DiscoverVMsAction], from one
 * {@code GET /cluster/resources?type=vm}. All conditions must hold: the name matches the shell
 * pattern ({@code *}, {@code ?}, {@code [..]}, as Python's {@code fnmatch}), the id lies in
 * {@code [minVmid, maxVmid]}, and, when {@code tag} is given, the VM carries that tag (e.g. the run
 * id tag the native provisioner sets), so that cleanup never touches VMs another run made. Writes
 * {@code discovered_vms} = {@code [{vmid, name, status, node, tags}]}, {@code tags} a list of strings.
 *
 * @param target      the host's node (its cluster), or the nested PVE
 * @param namePattern shell pattern for the VM name ({@code nested-pve*})
 * @param minVmid     smallest id (99800)
 * @param maxVmid     largest id (99999)
 * @param tag         a tag the VM must carry, if any
 */
public record DiscoverVmsAction(PveTarget target, String namePattern, int minVmid, int maxVmid, Optional<String> tag)
        implements Action<ActionResult> {

    /** Validates components. */
    public DiscoverVmsAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(namePattern, "namePattern");
        Objects.requireNonNull(tag, "tag");
        if (minVmid > maxVmid) {
            throw new IllegalArgumentException("vmid range is empty: " + minVmid + ".." + maxVmid);
        }
    }

    /** The original's defaults: {@code nested-pve*} in 99800..99999 on the host's node, no tag. */
    public static DiscoverVmsAction of() {
        return new DiscoverVmsAction(PveTarget.host(), "nested-pve*", 99800, 99999, Optional.empty());
    }

    /** A copy that also requires the VM to carry {@code value}. */
    public DiscoverVmsAction withTag(String value) {
        return new DiscoverVmsAction(target, namePattern, minVmid, maxVmid, Optional.of(value));
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return find(ctx)
                .map(found -> ActionResult.of(
                        "Discovered " + found.size() + " VMs matching '" + namePattern + "' in " + minVmid + "-"
                                + maxVmid
                                + tag.map(t -> " tagged " + t).orElse("")
                                + (found.isEmpty()
                                        ? ""
                                        : ": "
                                                + found.stream()
                                                        .map(e -> e.name() + " (" + e.vmid() + ")")
                                                        .toList()),
                        dev.homestak.core.Facts.empty().with(ActionKeys.DISCOVERED_VMS, found)));
    }

    /** The matching VMs themselves, for code that runs the discovery to use its result ({@link #run} reports it). */
    public Either<ActionFailure, List<DiscoveredVm>> find(ActionContext ctx) {
        Pattern names = glob(namePattern);
        return Pve.resolve(ctx, target)
                .flatMap(node -> Pve.call(
                        ctx, "listing the VMs", () -> node.client().cluster().resources(Optional.of("vm"))))
                .map(resources -> resources.stream()
                        .filter(r -> r.type().equals("qemu") && r.vmid().isPresent() && !r.template())
                        .filter(r -> r.vmid().get() >= minVmid && r.vmid().get() <= maxVmid)
                        .filter(r -> names.matcher(r.name().orElse("")).matches())
                        .filter(r -> tag.map(t -> tags(r).contains(t)).orElse(true))
                        .map(DiscoverVmsAction::entry)
                        .toList());
    }

    private static DiscoveredVm entry(ClusterResource r) {
        return new DiscoveredVm(
                r.vmid().orElseThrow(),
                r.name().orElse(""),
                r.status().orElse("unknown"),
                r.node().orElse(""),
                tags(r));
    }

    private static List<String> tags(ClusterResource r) {
        return Arrays.stream(r.fields().getOrDefault("tags", "").split("[;, ]+"))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** fnmatch: {@code *} any run, {@code ?} one character, {@code [...]} a set; everything else literal. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '[' ? pattern.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String set = pattern.substring(i + 1, close);
                boolean negated = set.startsWith("!");
                String members = (negated ? set.substring(1) : set)
                        .replace("\\", "\\\\")
                        .replace("[", "\\[")
                        .replace("^", "\\^")
                        .replace("&", "\\&");
                regex.append(negated ? "[^" : "[").append(members).append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String describe() {
        return "discover VMs " + namePattern;
    }
}
