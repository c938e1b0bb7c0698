/**
 * homestak's foundation: failures, typed facts, secrets, the site-config model and loader, the manifest model, and
 * the one retry policy and sleeper that the Proxmox client and the actions share.
 */
module dev.homestak.core {
    requires transitive io.vavr;
    requires static org.jspecify;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.networknt.schema;
    requires com.exceptionfactory.jagged;
    requires com.exceptionfactory.jagged.framework;
    requires com.exceptionfactory.jagged.x25519;
    requires org.yaml.snakeyaml;
    requires org.slf4j;

    exports dev.homestak.core;
    exports dev.homestak.core.manifest;
    // the one JSON writer of the original's formats, for the reports and events (not an API)
    exports dev.homestak.core.internal to
            dev.homestak.scenarios;

    opens dev.homestak.core to
            com.fasterxml.jackson.databind;
    opens dev.homestak.core.manifest to
            com.fasterxml.jackson.databind;
}
