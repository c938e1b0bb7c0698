package dev.homestak.sim;

/** The kinds of failure the simulator can inject, each the way real PVE shows it. */
public enum FaultKind {
    /** HTTP 500 with a reason (default {@code got no worker upid - start worker failed}). */
    HTTP_500,
    /** HTTP 503 {@code Service Unavailable}, as a reverse proxy in front of PVE answers. */
    HTTP_503,
    /** HTTP 596 {@code Connection timed out}: pveproxy could not reach pvedaemon in time. */
    HTTP_596,
    /** The connection is closed without any response. */
    CONNECTION_RESET,
    /** The response is delayed by the rule's {@code delay} before being handled normally. */
    SLOW_RESPONSE,
    /** HTTP 500 {@code can't lock file '/var/lock/qemu-server/lock-<vmid>.conf' - got timeout}. */
    LOCK_TIMEOUT,
    /** The request's task is created but ends with an error exit status instead of {@code OK}. */
    TASK_FAILURE,
    /** The VM's guest agent never answers ({@code QEMU guest agent is not running}). */
    AGENT_NEVER_READY,
    /** The VM's SSH port refuses connections. */
    SSH_REFUSED;

    /** True for kinds decided once per VM boot rather than per HTTP request. */
    public boolean perVm() {
        return this == AGENT_NEVER_READY || this == SSH_REFUSED;
    }
}
