package dev.homestak.proxmox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PveApiSchema: the PVE API contract")
class PveApiSchemaTest {

    static final Path SHARED = Path.of(System.getProperty("homestak.shared", "../../shared"));
    static final PveApiSchema SCHEMA = PveApiSchema.bundled();

    @Nested
    @DisplayName("the bundled copy")
    class Bundled {
        @Test
        @DisplayName("is byte-for-byte the shared pve-api-schema.json")
        void equalsSharedFile() throws IOException {
            byte[] bundled;
            try (InputStream in =
                    new GZIPInputStream(PveApiSchema.class.getResourceAsStream("pve-api-schema.json.gz"))) {
                bundled = in.readAllBytes();
            }
            assertThat(bundled).isEqualTo(Files.readAllBytes(SHARED.resolve("proxmox/pve-api-schema.json")));
        }

        @Test
        @DisplayName("holds the 649 endpoints SOURCE.md counts for PVE 9.1, and the pve8 file its 605")
        void counts() {
            assertThat(SCHEMA.size()).isEqualTo(649);
            assertThat(PveApiSchema.load(SHARED.resolve("proxmox/pve-api-schema-pve8.json"))
                            .get()
                            .size())
                    .isEqualTo(605);
        }

        @Test
        @DisplayName("turns every Perl pattern of both schemas into a Java regex that compiles")
        void patternsCompile() {
            List<PveApiSchema> both = List.of(
                    SCHEMA,
                    PveApiSchema.load(SHARED.resolve("proxmox/pve-api-schema-pve8.json"))
                            .get());
            List<String> patterns = new java.util.ArrayList<>();
            both.forEach(s -> s.endpoints().forEach(e -> e.parameters().values().forEach(p -> collect(p, patterns))));
            assertThat(patterns).hasSizeGreaterThan(100).noneMatch(p -> p.contains("(?^"));
            patterns.forEach(java.util.regex.Pattern::compile);
        }

        private void collect(SchemaParam p, List<String> out) {
            p.pattern().ifPresent(out::add);
            p.items().ifPresent(i -> collect(i, out));
            p.properties().values().forEach(sub -> collect(sub, out));
        }

        @Test
        @DisplayName("load of a missing file is a one-line reason naming the file")
        void missingFile() {
            assertThat(PveApiSchema.load(Path.of("/nonexistent/schema.json")).getLeft())
                    .contains("/nonexistent/schema.json")
                    .doesNotContain("\n");
        }
    }

    @Nested
    @DisplayName("endpoint lookup")
    class Lookup {
        @Test
        @DisplayName("matches a concrete path to its template and binds the path variables")
        void concrete() {
            PveApiSchema.Endpoint e =
                    SCHEMA.endpoint("POST", "/nodes/pve/qemu/100/status/start").orElseThrow();
            assertThat(e.template()).isEqualTo("/nodes/{node}/qemu/{vmid}/status/start");
            assertThat(e.pathVariables()).containsExactly(Map.entry("node", "pve"), Map.entry("vmid", "100"));
            assertThat(e.parameters()).containsKeys("timeout", "skiplock", "node", "vmid");
        }

        @Test
        @DisplayName("prefers literal segments over variables, and decodes percent-encoded segments")
        void literalWinsAndDecodes() {
            assertThat(SCHEMA.endpoint("GET", "/nodes/pve/qemu/100/status/current")
                            .orElseThrow()
                            .template())
                    .isEqualTo("/nodes/{node}/qemu/{vmid}/status/current");
            PveApiSchema.Endpoint del = SCHEMA.endpoint(
                            "DELETE", "/api2/json/nodes/pve/storage/local/content/local%3Aiso%2Fdebian.iso")
                    .orElseThrow();
            assertThat(del.pathVariables()).containsEntry("volume", "local:iso/debian.iso");
        }

        @Test
        @DisplayName("has no endpoint for an unknown path or method")
        void unknown() {
            assertThat(SCHEMA.endpoint("GET", "/nodes/pve/nothing")).isEmpty();
            assertThat(SCHEMA.endpoint("PATCH", "/version")).isEmpty();
            assertThatThrownBy(() -> SCHEMA.validate("GET", "/x/y", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not implemented");
        }

        @Test
        @DisplayName("resolves indexed wire names to [n] schemas within the documented range")
        void indexed() {
            PveApiSchema.Endpoint create =
                    SCHEMA.endpoint("POST", "/nodes/pve/qemu").orElseThrow();
            assertThat(create.param("net0")).get().extracting(SchemaParam::name).isEqualTo("net[n]");
            assertThat(create.param("scsi30")).isPresent();
            assertThat(create.param("scsi31")).isEmpty();
            assertThat(create.param("efidisk0"))
                    .get()
                    .extracting(SchemaParam::name)
                    .isEqualTo("efidisk0");
        }
    }

    @Nested
    @DisplayName("validation answers PVE's 400 errors map")
    class Validation {
        @Test
        @DisplayName("accepts a valid create request")
        void valid() {
            assertThat(SCHEMA.validate(
                            "POST",
                            "/nodes/pve/qemu",
                            Map.of(
                                    "vmid",
                                    "101",
                                    "name",
                                    "test",
                                    "memory",
                                    "2048",
                                    "net0",
                                    "virtio,bridge=vmbr0,firewall=1",
                                    "scsi0",
                                    "local-lvm:0,import-from=local:import/debian-13.qcow2",
                                    "agent",
                                    "enabled=1",
                                    "sshkeys",
                                    "ssh-ed25519%20AAAA%20me%40host",
                                    "start",
                                    "0")))
                    .isEmpty();
        }

        @Test
        @DisplayName("names unknown and missing parameters")
        void unknownAndMissing() {
            assertThat(SCHEMA.validate("POST", "/nodes/pve/qemu", Map.of("bogus", "1")))
                    .containsEntry(
                            "bogus",
                            "property is not defined in schema and the schema does not allow additional properties")
                    .containsEntry("vmid", "property is missing and it is not optional");
        }

        @Test
        @DisplayName("requires booleans as 0/1 and checks integers, ranges, enums and patterns")
        void types() {
            Map<String, String> errors = SCHEMA.validate(
                    "POST",
                    "/nodes/pve/qemu",
                    Map.of("vmid", "99", "start", "true", "cores", "lots", "ostype", "plan9"));
            assertThat(errors)
                    .containsEntry("start", "type check ('boolean') failed - got 'true'")
                    .containsEntry("cores", "type check ('integer') failed - got 'lots'")
                    .containsKey("ostype");
            assertThat(errors.get("vmid")).startsWith("invalid format - value does not look like a valid VM ID");
            assertThat(errors.get("ostype")).startsWith("value 'plan9' does not have a value in the enumeration");
            assertThat(SCHEMA.validate("POST", "/access/users/root@pam/token/bad!id", Map.of()))
                    .containsEntry("tokenid", "value does not match the regex pattern");
        }

        @Test
        @DisplayName("checks path variables and refuses them twice")
        void pathVariables() {
            assertThat(SCHEMA.validate("POST", "/nodes/pve/qemu/abc/status/start", Map.of()))
                    .containsEntry("vmid", "type check ('integer') failed - got 'abc'");
            assertThat(SCHEMA.validate("POST", "/nodes/pve/qemu/100/status/start", Map.of("vmid", "100")))
                    .containsEntry("vmid", "duplicate parameter (already defined in URI)");
        }

        @Test
        @DisplayName("checks property strings for unknown keys and bad sub-values")
        void propertyStrings() {
            Map<String, String> errors = SCHEMA.validate(
                    "POST",
                    "/nodes/pve/qemu",
                    Map.of("vmid", "101", "net0", "virtio,bridge=vmbr0,color=red", "agent", "enabled=yes"));
            assertThat(errors.get("net0"))
                    .isEqualTo("invalid format - invalid key in comma-separated list property: color");
            assertThat(errors.get("agent"))
                    .startsWith("invalid format - format error: enabled: type check ('boolean')");
            assertThat(SCHEMA.validate(
                            "POST",
                            "/nodes/pve/qemu",
                            Map.of("vmid", "101", "net1", "virtio=BC:24:11:00:00:01,bridge=vmbr0")))
                    .isEmpty();
        }

        @Test
        @DisplayName("needs sshkeys strictly percent-encoded, and honours requires")
        void urlencodedAndRequires() {
            assertThat(SCHEMA.validate("POST", "/nodes/pve/qemu", Map.of("vmid", "101", "sshkeys", "ssh-ed25519 AAAA")))
                    .containsEntry("sshkeys", "invalid format - invalid urlencoded string: ssh-ed25519 AAAA");
            assertThat(SCHEMA.validate(
                            "POST",
                            "/nodes/pve/storage/local/download-url",
                            Map.of(
                                    "url",
                                    "https://example.org/d.qcow2",
                                    "filename",
                                    "d.qcow2",
                                    "content",
                                    "import",
                                    "checksum",
                                    "abc",
                                    "compression",
                                    "zstd")))
                    .containsEntry("checksum-algorithm", "missing property - 'checksum' requires this property")
                    .doesNotContainKey("compression");
        }

        @Test
        @DisplayName("collects repeated keys of array parameters")
        void arrays() {
            assertThat(SCHEMA.validateMulti(
                            "POST",
                            "/nodes/pve/qemu/100/agent/exec",
                            Map.of("command", List.of("/bin/sh", "-c", "true"))))
                    .isEmpty();
            assertThat(SCHEMA.validateMulti(
                            "POST", "/nodes/pve/qemu/100/status/start", Map.of("timeout", List.of("1", "2"))))
                    .containsKey("timeout");
        }
    }
}
