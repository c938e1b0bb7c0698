package dev.homestak.proxmox;

import java.util.List;

/**
 * One API call before it is sent: method, path segments (encoded by the transport) and parameters.
 *
 * @param method GET, POST, PUT or DELETE
 * @param segments path below {@code /api2/json}, unencoded, e.g. {@code [nodes, pve, storage, local,
 *     content, local:iso/x.iso]}
 * @param form parameters: query string for GET/DELETE, form body for POST/PUT
 */
record ApiRequest(String method, List<String> segments, Form form) {

    ApiRequest {
        segments = List.copyOf(segments);
    }

    static ApiRequest get(List<String> segments) {
        return new ApiRequest("GET", segments, Form.empty());
    }

    boolean idempotent() {
        return method.equals("GET");
    }

    /** {@code POST /nodes/pve/qemu/100/status/start}: for logs and failure messages; no parameters. */
    String describe() {
        return method + " /" + String.join("/", segments);
    }
}
