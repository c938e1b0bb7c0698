package dev.homestak.proxmox;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.homestak.core.ManualClock;
import dev.homestak.core.RetryPolicy;
import dev.homestak.core.Secret;
import java.net.URI;

/** Clients wired to a WireMock server over plain HTTP (test-only opt-in) with manual time. */
final class TestClients {

    static final String TOKEN_SECRET = "0f5c1e7a-tok3n-secret-4d2b-9e8f7a6b5c4d";
    static final String PASSWORD = "pa55-w0rd-never-print-me";
    static final Auth TOKEN = Auth.token("root", "pam", "homestak", Secret.of(TOKEN_SECRET));
    static final String TOKEN_HEADER = "PVEAPIToken=root@pam!homestak=" + TOKEN_SECRET;

    private TestClients() {}

    static ProxmoxClient client(WireMockRuntimeInfo wm, ManualClock time) {
        return client(wm, time, TOKEN, ProxmoxClient.DEFAULT_RETRY);
    }

    static ProxmoxClient client(WireMockRuntimeInfo wm, ManualClock time, Auth auth, RetryPolicy retry) {
        return ProxmoxClient.builder()
                .baseUri(URI.create(wm.getHttpBaseUrl()))
                .auth(auth)
                .retry(retry)
                .clock(time)
                .sleeper(time)
                .allowPlainHttpForTesting()
                .build()
                .getOrElseThrow(f -> new AssertionError(f.message()));
    }
}
