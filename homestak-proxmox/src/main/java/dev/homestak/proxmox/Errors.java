package dev.homestak.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTTP error into a {@link ProxmoxFailure}. PVE's message is read from the body's
 * {@code message} (libpve-http-server-perl 5.2.0+), else the status-line reason, else the raw body;
 * most cases are 500s told apart by their text (qemu-server, pve-common).
 */
final class Errors {

    private static final Pattern PERMISSION = Pattern.compile("Permission check failed \\((.+), ([^,()]+)\\)");
    private static final Pattern LOCKED = Pattern.compile("VM is locked \\(([\\w-]+)\\)");
    private static final Pattern NOT_RUNNING = Pattern.compile("VM \\d+ (is )?not running");

    private Errors() {}

    static ProxmoxFailure classify(ApiRequest req, int status, String statusReason, String body) {
        JsonNode json = parse(body);
        String message = firstLine(Json.text(json, "message")
                .filter(m -> !m.isBlank())
                .or(() -> Optional.of(statusReason).filter(r -> !r.isBlank()))
                .orElse(body.isBlank() ? "HTTP " + status : body));
        String what = req.describe();
        return switch (status) {
            case 400 -> new ProxmoxFailure.ParameterInvalid(what, errorsOf(json, message));
            case 401 -> new ProxmoxFailure.Authentication(what, message);
            case 403 -> permission(what, message);
            case 500 -> byText(req, status, message);
            case 502, 503, 595 -> new ProxmoxFailure.Transient(what, status, message);
            case 504, 596, 599 -> ambiguous(req, status, message);
            default -> new ProxmoxFailure.HttpStatus(what, status, message);
        };
    }

    private static ProxmoxFailure byText(ApiRequest req, int status, String message) {
        String what = req.describe();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        Matcher locked = LOCKED.matcher(message);
        if (lower.contains("can't lock file") || lower.contains("got lock request timeout")) {
            return new ProxmoxFailure.LockTimeout(what, message);
        }
        if (locked.find()) {
            return new ProxmoxFailure.Locked(what, locked.group(1), message);
        }
        if (lower.contains("no qemu guest agent configured")) {
            return new ProxmoxFailure.AgentNotConfigured(what, message);
        }
        if (lower.contains("guest agent is not running")
                || (lower.contains("qmp command 'guest-") && lower.contains("got timeout"))) {
            return new ProxmoxFailure.AgentNotRunning(what, message);
        }
        if (req.segments().contains("agent") && (lower.contains("got timeout") || lower.contains("not ready"))) {
            return new ProxmoxFailure.AgentNotRunning(what, message); // the agent of a booting guest
        }
        if (NOT_RUNNING.matcher(message).find()) {
            return new ProxmoxFailure.VmNotRunning(what, message);
        }
        if (lower.contains("already exists")) {
            return new ProxmoxFailure.AlreadyExists(what, message);
        }
        if (lower.contains("does not exist") || lower.contains("no such ") || lower.contains("no such file")) {
            return new ProxmoxFailure.NotFound(what, message);
        }
        if (lower.contains("got no worker upid")) {
            return new ProxmoxFailure.Transient(what, status, message);
        }
        return new ProxmoxFailure.HttpStatus(what, status, message);
    }

    /** 504/596/599: the call may have reached PVE: retry a read, but a write's outcome is unknown. */
    private static ProxmoxFailure ambiguous(ApiRequest req, int status, String message) {
        if (message.contains("SSL routines")) {
            return new ProxmoxFailure.HttpStatus(
                    req.describe(),
                    status,
                    message
                            + " (pveproxy could not verify another cluster node's certificate while forwarding; "
                            + "fix the node certificates, the client cannot)");
        }
        return req.idempotent()
                ? new ProxmoxFailure.Transient(req.describe(), status, message)
                : new ProxmoxFailure.OutcomeUnknown(req.describe(), "HTTP " + status + " " + message);
    }

    private static ProxmoxFailure permission(String what, String message) {
        Matcher m = PERMISSION.matcher(message);
        if (m.find() && !m.group(1).startsWith("URI ")) {
            return new ProxmoxFailure.PermissionDenied(
                    what, Optional.of(m.group(1)), Optional.of(m.group(2).strip()), message);
        }
        return new ProxmoxFailure.PermissionDenied(what, Optional.empty(), Optional.empty(), message);
    }

    private static Map<String, String> errorsOf(JsonNode json, String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        json.path("errors")
                .properties()
                .forEach(e -> errors.put(e.getKey(), e.getValue().asText().strip()));
        if (errors.isEmpty()) {
            errors.put("(request)", message);
        }
        return errors;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            return n == null ? Json.MAPPER.createObjectNode() : n;
        } catch (java.io.IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static String firstLine(String s) {
        String stripped = s.strip();
        int nl = stripped.indexOf('\n');
        return nl < 0 ? stripped : stripped.substring(0, nl).strip();
    }
}
