package dev.homestak.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Type-checks VM keys wherever they are written (preset, template, env instance), so a wrong value
 * is reported with the file and line it is on, and binds templates, presets and envs.
 */
final class VmBinder {

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final List<String> NUMBERS = List.of("cores", "memory", "disk", "vmid");
    private static final List<String> TEXTS = List.of("name", "image", "bridge", "gateway", "template", "preset");

    private VmBinder() {}

    /** A template or preset file. */
    static VmDefinition definition(YamlDoc doc, boolean isPreset, Problems problems) {
        check(doc, doc.root(), "", problems);
        Map<String, Object> values = new LinkedHashMap<>(doc.root());
        // a preset naming a preset would be ignored by the original too; it is dropped here
        Optional<String> preset = text(values.remove("preset")).filter(p -> !isPreset);
        return new VmDefinition(NodeBinder.stem(doc.file()), doc.file(), preset, values);
    }

    /** An env file. */
    static EnvConfig env(YamlDoc doc, Problems problems) {
        Optional<Integer> base = problems.integer(doc, doc.root(), "", "vmid_base");
        List<VmInstance> vms = new ArrayList<>();
        List<Object> items = problems.list(doc, doc.root(), "", "vms").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String path = YamlDoc.index("vms", i);
            if (!(items.get(i) instanceof Map<?, ?> raw)) {
                problems.invalid(
                        doc, path, "must be a mapping with at least 'name', not " + Problems.kind(items.get(i)));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>(YamlDoc.asMap(raw));
            check(doc, values, path, problems);
            if (!(values.get("name") instanceof String name)) {
                if (!values.containsKey("name")) {
                    problems.add(new ConfigFailure.Invalid(doc.file(), doc.line(path), path + ".name", "is required"));
                }
                continue;
            }
            Optional<String> template = text(values.remove("template"));
            int line = template.isPresent() ? doc.line(path + ".template") : doc.line(path);
            vms.add(new VmInstance(name, template, values, line));
        }
        return new EnvConfig(NodeBinder.stem(doc.file()), doc.file(), base, vms);
    }

    private static void check(YamlDoc doc, Map<String, Object> values, String parent, Problems problems) {
        NUMBERS.forEach(k -> problems.integer(doc, values, parent, k));
        TEXTS.forEach(k -> problems.string(doc, values, parent, k));
        problems.strings(doc, values, parent, "packages");
        problems.string(doc, values, parent, "ip").ifPresent(ip -> {
            Optional<String> problem = ipProblem(ip);
            problem.ifPresent(p -> problems.invalid(doc, YamlDoc.child(parent, "ip"), p));
        });
    }

    /** Why {@code ip} is neither {@code dhcp} nor an IPv4 CIDR, if it is not (the original's rule, plus octets ≤ 255). */
    static Optional<String> ipProblem(String ip) {
        if (ip.equals("dhcp")) {
            return Optional.empty();
        }
        Matcher m = CIDR.matcher(ip);
        boolean ok = m.matches() && Integer.parseInt(m.group(5)) <= 32;
        for (int g = 1; ok && g <= 4; g++) {
            ok = Integer.parseInt(m.group(g)) <= 255;
        }
        return ok
                ? Optional.empty()
                : Optional.of("is '" + ip + "': static IPs must use CIDR notation "
                        + "(e.g. '10.0.12.124/24'); use 'dhcp' for dynamic assignment");
    }

    private static Optional<String> text(@Nullable Object value) {
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
