package dev.homestak.sim.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /nodes/{node}/network[/{iface}]}: list, create, read, delete, apply and revert. */
final class NetworkRoutes {

    private static final String NETWORK = "/nodes/{node}/network";
    private final PveInstance pve;

    NetworkRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("GET", NETWORK, c -> pve.network().list(c.param("type").orElse("")))
                .add("POST", NETWORK, this::create)
                .add("PUT", NETWORK, this::apply)
                .add("DELETE", NETWORK, c -> {
                    pve.network().revert();
                    return null;
                })
                .add("GET", NETWORK + "/{iface}", c -> pve.network().get(c.var("iface")))
                .add("DELETE", NETWORK + "/{iface}", c -> {
                    pve.network().delete(c.var("iface"));
                    return null;
                });
    }

    private Object create(Call call) {
        Map<String, String> options = new LinkedHashMap<>(call.params());
        options.remove("node");
        String iface = options.remove("iface");
        String type = options.remove("type");
        pve.network().create(iface, type, options);
        return null;
    }

    /** Applies the pending configuration in a {@code srvreload} task (ifreload), returning its UPID. */
    private Object apply(Call call) {
        return pve.cluster()
                .submit(
                        call,
                        "srvreload",
                        "networking",
                        null,
                        TaskWork.of(() -> pve.network().apply(), () -> {}));
    }
}
