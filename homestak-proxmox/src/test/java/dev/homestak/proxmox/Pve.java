package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Realistic PVE response shapes (reference/proxmox-api.md §2, §5, §6). */
final class Pve {

    static final String API = "/api2/json";
    static final String UPID_START = "UPID:pve:000137B5:00112EB4:6991F9E1:qmstart:100:root@pam!homestak:";
    static final String UPID_STOP = "UPID:pve:000137B6:00112EB5:6991F9E2:qmstop:100:root@pam!homestak:";

    private Pve() {}

    static ResponseDefinitionBuilder data(String json) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"data\":" + json + "}");
    }

    /** A list answer with PVE's top-level {@code total} (task log, task list). */
    static ResponseDefinitionBuilder aResponseWithTotal(String dataJson, int total) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"data\":" + dataJson + ",\"total\":" + total + "}");
    }

    static ResponseDefinitionBuilder upid(String upid) {
        return data("\"" + upid + "\"");
    }

    /** An error as libpve-http-server-perl 5.2.0+ sends it: reason in the status line and {@code message}. */
    static ResponseDefinitionBuilder error(int status, String reason) {
        return aResponse()
                .withStatus(status)
                .withStatusMessage(reason)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"data\":null,\"message\":\"" + reason + "\\n\"}");
    }

    /** An error as older servers send it: the reason only in the status line. */
    static ResponseDefinitionBuilder oldError(int status, String reason) {
        return aResponse().withStatus(status).withStatusMessage(reason).withBody("{\"data\":null}");
    }

    static String encoded(String upid) {
        return upid.replace(":", "%3A").replace("!", "%21");
    }
}
