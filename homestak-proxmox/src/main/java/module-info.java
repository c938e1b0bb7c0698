/**
 * The typed Proxmox VE API client: {@code dev.homestak.proxmox} (client, handles, failures, retries) and
 * {@code dev.homestak.proxmox.model} (payload records). OkHttp and Jackson stay inside: none of their types is public.
 */
module dev.homestak.proxmox {
    requires transitive dev.homestak.core;
    requires static org.jspecify;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires okhttp3;
    requires org.slf4j;

    exports dev.homestak.proxmox;
    exports dev.homestak.proxmox.model;
    exports dev.homestak.proxmox.internal to
            dev.homestak.sim;

    opens dev.homestak.proxmox.model to
            com.fasterxml.jackson.databind;
}
