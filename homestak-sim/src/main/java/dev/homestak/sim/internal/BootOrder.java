package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code boot} option PVE writes at VM creation when none is given
 * ({@code get_default_bootdevices}): the first hard disk, then the first CD-ROM (not a cloud-init drive),
 * then the first network device, as {@code order=scsi0;ide2;net0}.
 */
final class BootOrder {

    /** PVE's drive order ({@code PVE::QemuServer::Drive::valid_drive_names}). */
    private static final List<String> BUSES = List.of("ide", "sata", "scsi", "virtio");

    private BootOrder() {}

    /** The default boot order of {@code config}, empty when it has no bootable device. */
    static String defaultFor(Map<String, String> config) {
        List<String> order = new ArrayList<>();
        first(config, false).ifPresent(order::add);
        first(config, true).ifPresent(order::add);
        config.keySet().stream()
                .filter(NetDevices::isNet)
                .min((a, b) -> Integer.compare(Integer.parseInt(a.substring(3)), Integer.parseInt(b.substring(3))))
                .ifPresent(order::add);
        return order.isEmpty() ? "" : "order=" + String.join(";", order);
    }

    private static java.util.Optional<String> first(Map<String, String> config, boolean cdrom) {
        for (String bus : BUSES) {
            for (int i = 0; i < 31; i++) {
                String value = config.get(bus + i);
                if (value != null && value.contains("media=cdrom") == cdrom && !value.contains("cloudinit")) {
                    return java.util.Optional.of(bus + i);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
