package dev.homestak.sim.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code pvenode cert info [--output-format json]} on a simulated PVE: the API certificate's fingerprint. */
final class Pvenode {

    private Pvenode() {}

    static Vm.Exec run(Guest guest, List<String> args) {
        if (args.size() < 2 || !args.get(0).equals("cert") || !args.get(1).equals("info")) {
            return new Vm.Exec(255, "", "pvenode: only 'cert info' is simulated\n");
        }
        return guest.apiFingerprint()
                .map(fingerprint -> {
                    Map<String, Object> cert = new LinkedHashMap<>();
                    cert.put("filename", "pve-ssl.pem");
                    cert.put("fingerprint", fingerprint);
                    cert.put("public-key-type", "rsaEncryption");
                    boolean json = args.stream()
                            .anyMatch(a -> a.startsWith("json")
                                    || a.equals("--output-format=json")
                                    || a.startsWith("--output-format=json"));
                    return json
                            ? new Vm.Exec(0, ApiJson.write(List.of(cert)) + "\n", "")
                            : new Vm.Exec(0, "pve-ssl.pem  " + fingerprint + "\n", "");
                })
                .orElseGet(() -> new Vm.Exec(255, "", "ipcc_send_rec[1] failed: Connection refused\n"));
    }
}
