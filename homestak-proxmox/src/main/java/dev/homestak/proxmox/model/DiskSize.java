package dev.homestak.proxmox.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code size=} of a PVE disk option ({@code local-lvm:vm-100-disk-0,size=32G}). */
public final class DiskSize {

    private static final Pattern SIZE = Pattern.compile("(?:^|,)size=(\\d+)([KMGT]?)");

    private DiskSize() {}

    /** The size the option states, in bytes; 0 when it states none. */
    public static long bytes(String diskOption) {
        Matcher m = SIZE.matcher(diskOption);
        if (!m.find()) {
            return 0;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            case "G" -> n << 30;
            case "T" -> n << 40;
            default -> n;
        };
    }
}
