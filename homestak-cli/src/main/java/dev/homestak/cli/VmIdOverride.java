package dev.homestak.cli;

import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --vm-id NAME=VMID}: the VM of the env called {@code name} gets id {@code vmid}.
 *
 * @param name VM name as in the env file
 * @param vmid the Proxmox VM id (100..999999999)
 */
record VmIdOverride(String name, int vmid) {

    /** Validates components. */
    VmIdOverride {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || vmid < 100) {
            throw new IllegalArgumentException("invalid VM id override " + name + "=" + vmid);
        }
    }

    /** Parses {@code NAME=VMID} with the original's message for anything else. */
    static final class Converter implements ITypeConverter<VmIdOverride> {
        @Override
        public VmIdOverride convert(String value) {
            int eq = value.indexOf('=');
            String name = eq < 0 ? "" : value.substring(0, eq).strip();
            String id = eq < 0 ? "" : value.substring(eq + 1).strip();
            if (name.isEmpty() || id.isEmpty()) {
                throw new TypeConversionException("Expected NAME=VMID (e.g. test=99950), got '" + value + "'");
            }
            try {
                int vmid = Integer.parseInt(id);
                if (vmid >= 100 && vmid <= 999_999_999) {
                    return new VmIdOverride(name, vmid);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException(
                    "VMID must be a whole number 100..999999999, got '" + id + "' in '" + value + "'");
        }
    }
}
