package dev.homestak.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.model.ClusterResource;
import dev.homestak.proxmox.model.CreatedToken;
import dev.homestak.proxmox.model.ExecStatus;
import dev.homestak.proxmox.model.FileContent;
import dev.homestak.proxmox.model.IpAddress;
import dev.homestak.proxmox.model.NetworkInterface;
import dev.homestak.proxmox.model.NodeStatus;
import dev.homestak.proxmox.model.NodeSummary;
import dev.homestak.proxmox.model.SdnObject;
import dev.homestak.proxmox.model.StorageContent;
import dev.homestak.proxmox.model.TaskLog;
import dev.homestak.proxmox.model.TaskStatus;
import dev.homestak.proxmox.model.TokenInfo;
import dev.homestak.proxmox.model.VersionInfo;
import dev.homestak.proxmox.model.VmConfig;
import dev.homestak.proxmox.model.VmStatus;
import dev.homestak.proxmox.model.VmSummary;
import java.util.List;

/** Lenient decoders from PVE's {@code data} payloads to the model records. */
final class Payloads {

    private Payloads() {}

    static String required(JsonNode n, String field) {
        return Json.text(n, field).orElseThrow(() -> new IllegalArgumentException("missing field '" + field + "'"));
    }

    static VersionInfo version(JsonNode n) {
        return new VersionInfo(required(n, "version"), Json.text(n, "release", ""), Json.text(n, "repoid", ""));
    }

    static NodeSummary node(JsonNode n) {
        return new NodeSummary(
                required(n, "node"),
                Json.text(n, "status", "unknown"),
                Json.text(n, "ssl_fingerprint"),
                Json.doubleOf(n, "cpu"),
                Json.longOf(n, "uptime"));
    }

    static NodeStatus nodeStatus(JsonNode n) {
        return new NodeStatus(
                Json.text(n, "pveversion"),
                Json.longOf(n, "uptime"),
                Json.doubleOf(n, "cpu"),
                Json.longOf(n.path("memory"), "total"),
                Json.longOf(n.path("memory"), "used"));
    }

    static ClusterResource resource(JsonNode n) {
        return new ClusterResource(
                required(n, "id"),
                Json.text(n, "type", ""),
                Json.text(n, "node"),
                Json.intOf(n, "vmid"),
                Json.text(n, "name"),
                Json.text(n, "status"),
                Json.text(n, "lock"),
                Json.bool(n, "template"),
                Json.flat(n));
    }

    static VmSummary vm(JsonNode n) {
        return new VmSummary(
                Json.intOf(n, "vmid").orElseThrow(() -> new IllegalArgumentException("missing vmid")),
                Json.text(n, "status", "unknown"),
                Json.text(n, "name"),
                Json.text(n, "lock"),
                Json.bool(n, "template"));
    }

    static VmStatus vmStatus(JsonNode n) {
        return new VmStatus(
                Json.intOf(n, "vmid").orElse(0),
                Json.text(n, "status", "unknown"),
                Json.text(n, "qmpstatus"),
                Json.text(n, "name"),
                Json.text(n, "lock"),
                Json.bool(n, "agent"),
                Json.longOf(n, "uptime"));
    }

    static VmConfig vmConfig(JsonNode n) {
        return new VmConfig(Json.flat(n));
    }

    static TaskStatus taskStatus(JsonNode n) {
        return new TaskStatus(Json.text(n, "status", "running"), Json.text(n, "exitstatus"));
    }

    static TaskLog taskLog(JsonNode data, int total) {
        return new TaskLog(total, Json.list(data, l -> Json.text(l, "t", "")));
    }

    static List<NetworkInterface> interfaces(JsonNode data) {
        JsonNode result = data.has("result") ? data.path("result") : data;
        return Json.list(
                result,
                i -> new NetworkInterface(
                        Json.text(i, "name", ""),
                        Json.text(i, "hardware-address"),
                        Json.list(
                                i.path("ip-addresses"),
                                a -> new IpAddress(
                                        Json.text(a, "ip-address", ""),
                                        Json.text(a, "ip-address-type", ""),
                                        Json.intOf(a, "prefix").orElse(0)))));
    }

    static ExecStatus execStatus(JsonNode n) {
        return new ExecStatus(
                Json.bool(n, "exited"),
                Json.intOf(n, "exitcode"),
                Json.text(n, "out-data", ""),
                Json.text(n, "err-data", ""),
                Json.bool(n, "out-truncated") || Json.bool(n, "err-truncated"));
    }

    static FileContent file(JsonNode n) {
        return new FileContent(Json.text(n, "content", ""), Json.bool(n, "truncated"));
    }

    static StorageContent content(JsonNode n) {
        return new StorageContent(
                required(n, "volid"),
                Json.text(n, "content"),
                Json.text(n, "format"),
                Json.longOf(n, "size").orElse(0L),
                Json.intOf(n, "vmid"));
    }

    static CreatedToken createdToken(JsonNode n) {
        return new CreatedToken(
                required(n, "full-tokenid"),
                Secret.of(required(n, "value")),
                Json.boolOf(n.path("info"), "privsep").orElse(true));
    }

    static TokenInfo token(JsonNode n) {
        return new TokenInfo(
                required(n, "tokenid"),
                Json.boolOf(n, "privsep").orElse(true),
                Json.longOf(n, "expire").orElse(0L),
                Json.text(n, "comment"));
    }

    static SdnObject sdn(JsonNode n, String idField, String fallbackType) {
        return new SdnObject(
                required(n, idField),
                Json.text(n, "type", fallbackType),
                Json.text(n, "state").or(() -> Json.text(n, "status")),
                Json.flat(n));
    }
}
