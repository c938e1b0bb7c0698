/**
 * The embedded Proxmox VE simulator (HTTPS API, per-VM SSH, fault injection) and its JUnit 5 extension. Only
 * {@code dev.homestak.sim} is API; {@code dev.homestak.sim.internal} is not exported.
 */
module dev.homestak.sim {
    requires transitive dev.homestak.proxmox;
    requires static org.jspecify;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.apache.sshd.osgi; // sshd-core and sshd-common split packages; sshd-osgi is both in one jar
    requires static transitive org.junit.jupiter.api;
    requires static org.junit.platform.commons;
    requires static org.opentest4j;
    requires org.slf4j;

    exports dev.homestak.sim;
}
