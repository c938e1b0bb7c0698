package dev.homestak.sim.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code .../agent/*}: the QEMU guest agent, answering only once the guest has booted. */
final class AgentRoutes {

    private static final String AGENT = "/nodes/{node}/qemu/{vmid}/agent/";
    private final PveInstance pve;

    AgentRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("POST", AGENT + "ping", c -> withAgent(c, vm -> Map.of("result", Map.of())))
                .add("GET", AGENT + "network-get-interfaces", c -> withAgent(c, this::interfaces))
                .add(
                        "GET",
                        AGENT + "get-host-name",
                        c -> withAgent(c, vm -> Map.of("result", Map.of("host-name", vm.name()))))
                .add("POST", AGENT + "exec", c -> withAgent(c, vm -> exec(c, vm)))
                .add("GET", AGENT + "exec-status", c -> withAgent(c, vm -> execStatus(c, vm)))
                .add("GET", AGENT + "file-read", c -> withAgent(c, vm -> fileRead(c, vm)));
    }

    private Object withAgent(Call call, java.util.function.Function<Vm, Object> body) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            if (!vm.running()) {
                throw PveError.of("VM " + vm.vmid + " is not running");
            }
            if (!vm.agentConfigured()) {
                throw PveError.of("No QEMU guest agent configured");
            }
            if (!cluster.guests.agentReady(vm, cluster.now())) {
                throw PveError.of("QEMU guest agent is not running");
            }
            return body.apply(vm);
        }
    }

    private Object interfaces(Vm vm) {
        String address = pve.plan().address(vm.vmid).getHostAddress();
        // the guest sees the MAC of its first network device (lower case, as the agent reports it)
        String mac = vm.config.entrySet().stream()
                .filter(e -> NetDevices.isNet(e.getKey()))
                .findFirst()
                .map(e -> NetDevices.mac(e.getKey(), e.getValue()).toLowerCase(java.util.Locale.ROOT))
                .filter(m -> !m.isEmpty())
                .orElse(String.format(
                        java.util.Locale.ROOT,
                        "bc:24:11:%02x:%02x:%02x",
                        (vm.vmid >> 16) & 0xff,
                        (vm.vmid >> 8) & 0xff,
                        vm.vmid & 0xff));
        return Map.of(
                "result",
                List.of(
                        nic("lo", "00:00:00:00:00:00", List.of(ip("127.0.0.1", "ipv4", 8), ip("::1", "ipv6", 128))),
                        nic(
                                "eth0",
                                mac,
                                List.of(
                                        ip(address, "ipv4", 8),
                                        ip(
                                                "fe80::be24:11ff:fe00:" + Integer.toHexString(vm.vmid & 0xffff),
                                                "ipv6",
                                                64)))));
    }

    private static Map<String, Object> nic(String name, String mac, List<Map<String, Object>> ips) {
        Map<String, Object> nic = new LinkedHashMap<>();
        nic.put("name", name);
        nic.put("hardware-address", mac);
        nic.put("ip-addresses", ips);
        nic.put(
                "statistics",
                Map.of(
                        "rx-bytes",
                        1024,
                        "rx-packets",
                        10,
                        "rx-errs",
                        0,
                        "rx-dropped",
                        0,
                        "tx-bytes",
                        1024,
                        "tx-packets",
                        10,
                        "tx-errs",
                        0,
                        "tx-dropped",
                        0));
        return nic;
    }

    private static Map<String, Object> ip(String address, String type, int prefix) {
        return Map.of("ip-address", address, "ip-address-type", type, "prefix", prefix);
    }

    private Object exec(Call call, Vm vm) {
        List<String> argv = call.multi().getOrDefault("command", List.of());
        if (argv.isEmpty()) {
            throw PveError.param("command", "property is missing and it is not optional");
        }
        int pid = vm.nextPid++;
        vm.execs.put(pid, GuestCommands.runArgv(pve.guestOf(vm), argv));
        return Map.of("pid", pid);
    }

    private Object execStatus(Call call, Vm vm) {
        int pid = Params.integer("pid", call.required("pid"));
        Vm.Exec exec = vm.execs.get(pid);
        if (exec == null) {
            throw PveError.of("Agent error: Invalid parameter 'pid'");
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("exited", 1);
        status.put("exitcode", exec.exitCode());
        if (!exec.out().isEmpty()) {
            status.put("out-data", exec.out());
        }
        if (!exec.err().isEmpty()) {
            status.put("err-data", exec.err());
        }
        return status;
    }

    private Object fileRead(Call call, Vm vm) {
        String file = call.required("file");
        String content = pve.guestOf(vm)
                .file(file)
                .orElseThrow(() ->
                        PveError.of("Agent error: Failed to open file '" + file + "': No such file or directory"));
        return Map.of("content", content);
    }
}
