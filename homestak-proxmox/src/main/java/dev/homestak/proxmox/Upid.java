package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Either;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed task id, {@code UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>:}
 * (pve-common {@code PVE::UPID}).
 *
 * @param value the UPID as PVE sent it
 * @param node the node running the task (its status is read there)
 * @param pid worker process id
 * @param pstart process start time in clock ticks
 * @param start when the task started
 * @param type task type, e.g. {@code qmstart}, {@code qmclone}, {@code download}
 * @param id task subject, usually the VMID; may be empty
 * @param user who started it, {@code user@realm} or {@code user@realm!tokenid}
 */
public record Upid(
        String value, String node, long pid, long pstart, Instant start, String type, String id, String user) {

    // the server's own strict pattern (pve-common UPID.pm)
    private static final Pattern UPID =
            Pattern.compile("^UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):"
                    + "([0-9A-Fa-f]{8}):([^:\\s/]+):([^:\\s/]*):([^:\\s/]+):$");

    /** Validates the components. */
    public Upid {
        requireNonNull(value, "value");
        requireNonNull(node, "node");
        requireNonNull(start, "start");
        requireNonNull(type, "type");
        requireNonNull(id, "id");
        requireNonNull(user, "user");
    }

    /** Parses a UPID string, or says why it is not one. */
    public static Either<String, Upid> parse(String upid) {
        Matcher m = UPID.matcher(upid.strip());
        if (!m.matches()) {
            return Either.left("not a PVE task id (UPID): '" + upid + "'");
        }
        return Either.right(new Upid(
                upid.strip(),
                m.group(1),
                Long.parseLong(m.group(3), 16),
                Long.parseLong(m.group(4), 16),
                Instant.ofEpochSecond(Long.parseLong(m.group(5), 16)),
                m.group(6),
                m.group(7),
                m.group(8)));
    }

    @Override
    public String toString() {
        return value;
    }
}
