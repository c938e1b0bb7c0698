package dev.homestak.proxmox.model;

import java.util.Optional;

/**
 * {@code agent/exec-status}: the state of a command started with {@code agent/exec}.
 *
 * @param exited true once the command ended
 * @param exitCode its exit code, once exited
 * @param outData standard output (already decoded by PVE)
 * @param errData standard error
 * @param truncated true when QGA cut the output
 */
public record ExecStatus(
        boolean exited, Optional<Integer> exitCode, String outData, String errData, boolean truncated) {
    /** Validates. */
    public ExecStatus {
        java.util.Objects.requireNonNull(outData, "outData");
        java.util.Objects.requireNonNull(errData, "errData");
    }
}
