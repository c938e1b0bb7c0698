package dev.homestak.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether KVM allows nested virtualisation here ({@code /sys/module/kvm_{intel,amd}/parameters/nested}). */
final class Nesting {

    private Nesting() {}

    /** Passes when either module's {@code nested} parameter is {@code Y} or {@code 1}. */
    static Check check() {
        for (String module : List.of("kvm_intel", "kvm_amd")) {
            Path file = Path.of("/sys/module", module, "parameters", "nested");
            try {
                String value = Files.readString(file).strip();
                if (value.equals("Y") || value.equals("1")) {
                    return Check.pass("Hardware", "nested virtualisation enabled (" + module + ")");
                }
            } catch (IOException e) {
                // module not loaded: try the other one
            }
        }
        return Check.fail(
                "Hardware",
                "nested virtualisation is off: enable it (options kvm_intel nested=1) "
                        + "or run nested scenarios on --host sim");
    }
}
