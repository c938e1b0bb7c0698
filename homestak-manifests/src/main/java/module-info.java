/** The manifest engine: plans, applies and tears down manifests with the scenarios' run machinery. */
module dev.homestak.manifests {
    requires transitive dev.homestak.scenarios;
    requires static org.jspecify;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.homestak.manifests;
}
