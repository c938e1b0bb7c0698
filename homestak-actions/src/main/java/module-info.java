/**
 * Actions and their combinators, and the ports they run against (Proxmox clients, SSH, processes, clock and
 * sleeper, cancellation, events). Only {@code dev.homestak.actions} is API; its adapters in
 * {@code dev.homestak.actions.internal} are not exported.
 */
module dev.homestak.actions {
    requires transitive dev.homestak.core;
    requires transitive dev.homestak.proxmox;
    requires static org.jspecify;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.hierynomus.sshj;
    requires org.slf4j;

    exports dev.homestak.actions;
}
