package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ip link show DEV} inside a simulated guest: the links that are up are {@code lo}, and on a PVE guest the
 * interfaces of its running network configuration (a bridge created with {@code pvesh} appears once
 * {@code pvesh set .../network} applied it, as {@code ifreload} brings it up), on any other guest its NIC
 * {@code ens18}.
 */
final class GuestNet {

    private GuestNet() {}

    static Vm.Exec ip(Guest guest, List<String> args) {
        if (args.size() != 3 || !args.get(0).equals("link") || !args.get(1).equals("show")) {
            return new Vm.Exec(255, "", "ip: only 'ip link show DEV' is simulated\n");
        }
        String dev = args.get(2);
        List<String> links = links(guest);
        int index = links.indexOf(dev);
        if (index < 0) {
            return new Vm.Exec(1, "", "Device \"" + dev + "\" does not exist.\n");
        }
        String flags = dev.equals("lo") ? "LOOPBACK,UP,LOWER_UP" : "BROADCAST,MULTICAST,UP,LOWER_UP";
        return GuestCommands.ok((index + 1) + ": " + dev + ": <" + flags + "> mtu 1500 state UP mode DEFAULT\n");
    }

    private static List<String> links(Guest guest) {
        List<String> links = new ArrayList<>(List.of("lo"));
        Optional<ApiServer> api = guest.api();
        if (api.isEmpty()) {
            links.add("ens18");
            return links;
        }
        if (api.get().internal("GET", "/nodes/localhost/network", Map.of()) instanceof List<?> ifaces) {
            for (Object i : ifaces) {
                if (i instanceof Map<?, ?> iface && Integer.valueOf(1).equals(iface.get("active"))) {
                    links.add(String.valueOf(iface.get("iface")));
                }
            }
        }
        return links;
    }
}
