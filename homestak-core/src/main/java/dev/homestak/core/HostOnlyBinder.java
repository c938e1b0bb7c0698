package dev.homestak.core;

import java.util.Map;
import java.util.Optional;

/**
 * Binds {@code hosts/<name>.yaml} (a physical machine reached only over SSH) to a {@link HostConfig}
 * with {@link HostConfig#hostOnly()} set: SSH host from {@code ip}, else
 * {@code network.interfaces.vmbr0.address} without its prefix, else the name itself; user from
 * {@code access.ssh_user} or {@code access.host_user}, else the site default.
 */
final class HostOnlyBinder {

    private HostOnlyBinder() {}

    static HostConfig bind(YamlDoc doc, SiteDefaults site, Secrets secrets, Problems problems) {
        Map<String, Object> m = doc.root();
        String name = NodeBinder.stem(doc.file());
        HostConfig.Builder b = NodeBinder.base(name, doc.file(), site, secrets).hostOnly(true);
        Optional<String> ip = problems.string(doc, m, "", "ip");
        ip.ifPresent(b::ip);
        problems.stringOrStrings(doc, m, "", "ssh_identity").ifPresent(b::sshIdentities);
        Optional<String> bridgeAddress = problems.mapping(doc, m, "", "network")
                .flatMap(n -> problems.mapping(doc, n, "network", "interfaces"))
                .flatMap(i -> problems.mapping(doc, i, "network.interfaces", "vmbr0"))
                .flatMap(v -> problems.string(doc, v, "network.interfaces.vmbr0", "address"));
        ip.or(() -> bridgeAddress).map(HostOnlyBinder::withoutPrefix).ifPresent(b::sshHost);
        Optional<Map<String, Object>> access = problems.mapping(doc, m, "", "access");
        access.flatMap(a -> problems.string(doc, a, "access", "ssh_user")
                        .or(() -> problems.string(doc, a, "access", "host_user")))
                .ifPresent(b::sshUser);
        return b.build();
    }

    private static String withoutPrefix(String address) {
        int slash = address.indexOf('/');
        return (slash < 0 ? address : address.substring(0, slash)).strip();
    }
}
