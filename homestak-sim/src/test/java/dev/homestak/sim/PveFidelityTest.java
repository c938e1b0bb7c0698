package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("what third-party clients rely on: stored property strings, node names, the endpoints they call")
class PveFidelityTest {

    private Simulator sim;
    private TestApi api;

    @BeforeEach
    void start() {
        sim = Simulator.builder().start().getOrElseThrow(f -> new AssertionError(f.message()));
        api = new TestApi(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode config(int vmid) throws IOException {
        return api.get("/nodes/pve/qemu/" + vmid + "/config").data();
    }

    private static List<String> names(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Nested
    @DisplayName("property strings are stored as PVE stores them")
    class PropertyStrings {

        @Test
        @DisplayName(
                "net0=virtio,bridge=vmbr0 is stored as virtio=BC:24:11:XX:XX:XX,bridge=vmbr0; an update without MAC keeps it; a clone gets a new one")
        void netDevices() throws IOException {
            api.task(
                    "/nodes/pve/qemu", "vmid", "100", "net0", "virtio,bridge=vmbr0,firewall=1", "scsi0", "local-lvm:4");

            String net0 = config(100).path("net0").asText();
            assertThat(net0).matches("virtio=BC:24:11:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2},bridge=vmbr0,firewall=1");

            api.put("/nodes/pve/qemu/100/config", "net0", "model=virtio,bridge=vmbr1");
            assertThat(config(100).path("net0").asText()).isEqualTo(net0.substring(0, 24) + ",bridge=vmbr1");

            api.task("/nodes/pve/qemu/100/clone", "newid", "101");
            assertThat(config(101).path("net0").asText())
                    .startsWith("virtio=BC:24:11:")
                    .isNotEqualTo(config(100).path("net0").asText());
        }

        @Test
        @DisplayName(
                "creation without boot writes PVE's default order: first disk, first CD-ROM, first NIC; vmgenid=1 becomes a generated id")
        void bootOrder() throws IOException {
            api.task(
                    "/nodes/pve/qemu",
                    "vmid",
                    "100",
                    "net0",
                    "virtio,bridge=vmbr0",
                    "scsi0",
                    "local-lvm:4",
                    "ide2",
                    "none,media=cdrom");
            assertThat(config(100).path("boot").asText()).isEqualTo("order=scsi0;ide2;net0");

            api.task(
                    "/nodes/pve/qemu",
                    "vmid",
                    "102",
                    "boot",
                    "order=net0",
                    "net0",
                    "virtio,bridge=vmbr0",
                    "vmgenid",
                    "1");
            assertThat(config(102).path("boot").asText()).isEqualTo("order=net0");
            assertThat(config(102).path("vmgenid").asText())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }

        @Test
        @DisplayName("a net device without model is refused as PVE does")
        void netWithoutModel() throws IOException {
            TestApi.Reply reply = api.post("/nodes/pve/qemu", "vmid", "100", "net0", "bridge=vmbr0");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().path("errors").path("net0").asText()).contains("model");
        }
    }

    @Nested
    @DisplayName("node names")
    class Nodes {

        @Test
        @DisplayName(
                "an unknown node gets PVE's hostname lookup error on every /nodes/{node}/ path, and no VM is created")
        void unknownNode() throws IOException {
            for (String path : List.of(
                    "/nodes/simnode/status", "/nodes/simnode/qemu", "/nodes/simnode/network", "/nodes/simnode/lxc")) {
                TestApi.Reply reply = api.get(path);
                assertThat(reply.status()).as(path).isEqualTo(500);
                assertThat(reply.reason())
                        .as(path)
                        .isEqualTo(
                                "hostname lookup 'simnode' failed - failed to get address info for: simnode: Name or service not known");
            }
            assertThat(api.post("/nodes/simnode/qemu", "vmid", "100").status()).isEqualTo(500);
            assertThat(sim.vms()).isEmpty();
        }

        @Test
        @DisplayName("'localhost' names the node itself, as on PVE")
        void localhost() throws IOException {
            assertThat(api.get("/nodes/localhost/status").status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("endpoints common tools call")
    class Endpoints {

        @Test
        @DisplayName("network: the node's NIC and vmbr0; a created bridge is pending until PUT applies it")
        void network() throws IOException {
            assertThat(names(api.get("/nodes/pve/network").data(), "iface")).containsExactly("eno1", "vmbr0");
            assertThat(names(api.get("/nodes/pve/network", "type", "bridge").data(), "iface"))
                    .containsExactly("vmbr0");
            api.post("/nodes/pve/network", "iface", "vmbr1", "type", "bridge", "autostart", "1");
            JsonNode vmbr1 = api.get("/nodes/pve/network/vmbr1").data();
            assertThat(vmbr1.path("active").asInt()).isZero();
            assertThat(vmbr1.has("pending")).isTrue();
            api.await(api.put("/nodes/pve/network").data().asText());
            assertThat(api.get("/nodes/pve/network/vmbr1").data().path("active").asInt())
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("tasks: newest first, filtered by vmid, typefilter, errors and source, with total")
        void tasks() throws IOException {
            api.task("/nodes/pve/qemu", "vmid", "100", "scsi0", "local-lvm:4");
            api.task("/nodes/pve/qemu", "vmid", "101", "scsi0", "local-lvm:4");
            api.task("/nodes/pve/qemu/100/status/start");
            assertThat(api.task("/nodes/pve/qemu/100/status/start")
                            .path("exitstatus")
                            .asText())
                    .isEqualTo("VM 100 already running");

            TestApi.Reply all = api.get("/nodes/pve/tasks");
            assertThat(all.body().path("total").asInt()).isEqualTo(4);
            assertThat(names(all.data(), "type")).containsExactly("qmstart", "qmstart", "qmcreate", "qmcreate");
            assertThat(names(api.get("/nodes/pve/tasks", "vmid", "101").data(), "id"))
                    .containsExactly("101");
            assertThat(names(
                            api.get("/nodes/pve/tasks", "typefilter", "qmcreate")
                                    .data(),
                            "id"))
                    .containsExactly("101", "100");
            assertThat(names(api.get("/nodes/pve/tasks", "errors", "1").data(), "status"))
                    .containsExactly("VM 100 already running");
            assertThat(names(api.get("/nodes/pve/tasks", "statusfilter", "ok").data(), "type"))
                    .hasSize(3);
            assertThat(api.get("/nodes/pve/tasks", "source", "active").data()).isEmpty();
            assertThat(api.get("/nodes/pve/tasks", "limit", "1").data()).hasSize(1);
            assertThat(all.data().get(1).path("status").asText()).isEqualTo("OK");
            assertThat(all.data().get(1).has("endtime")).isTrue();
            assertThat(all.data().get(1).path("upid").asText()).startsWith("UPID:pve:");
        }

        @Test
        @DisplayName("storage config, pools, users and their tokens")
        void datacenter() throws IOException {
            assertThat(names(api.get("/storage").data(), "storage")).containsExactly("local", "local-lvm");
            assertThat(api.get("/storage/local").data().path("path").asText()).isEqualTo("/var/lib/vz");
            assertThat(api.get("/storage/nope").status()).isEqualTo(500);

            assertThat(api.get("/pools").data()).isEmpty();
            assertThat(api.post("/pools", "poolid", "lab", "comment", "test").status())
                    .isEqualTo(200);
            assertThat(names(api.get("/pools").data(), "poolid")).containsExactly("lab");
            assertThat(api.post("/pools", "poolid", "lab").reason()).contains("already exists");
            assertThat(api.delete("/pools", "poolid", "lab").status()).isEqualTo(200);

            assertThat(names(api.get("/access/users").data(), "userid")).containsExactly("root@pam");
            api.post("/access/users/root@pam/token/ci", "privsep", "0");
            assertThat(api.get("/access/users/root@pam/token/ci")
                            .data()
                            .path("privsep")
                            .asInt())
                    .isZero();
            assertThat(names(api.get("/access/users", "full", "1").data().get(0).path("tokens"), "tokenid"))
                    .contains("homestak", "ci");
            assertThat(api.delete("/access/users/root@pam/token/ci").status()).isEqualTo(200);
            assertThat(api.get("/access/users/root@pam/token/ci").status()).isEqualTo(500);
        }

        @Test
        @DisplayName(
                "snapshots: create, list with current, config, rollback, delete, each as a task; pending lists the config")
        void snapshots() throws IOException {
            api.task("/nodes/pve/qemu", "vmid", "100", "scsi0", "local-lvm:4", "memory", "1024");
            assertThat(api.task("/nodes/pve/qemu/100/snapshot", "snapname", "before", "description", "first")
                            .path("exitstatus")
                            .asText())
                    .isEqualTo("OK");
            api.put("/nodes/pve/qemu/100/config", "memory", "2048");

            assertThat(names(api.get("/nodes/pve/qemu/100/snapshot").data(), "name"))
                    .containsExactly("before", "current");
            assertThat(config(100).path("parent").asText()).isEqualTo("before");
            assertThat(api.get("/nodes/pve/qemu/100/snapshot/before/config")
                            .data()
                            .path("memory")
                            .asText())
                    .isEqualTo("1024");
            assertThat(api.post("/nodes/pve/qemu/100/snapshot", "snapname", "before")
                            .reason())
                    .isEqualTo("snapshot name 'before' already used");

            api.task("/nodes/pve/qemu/100/snapshot/before/rollback");
            assertThat(config(100).path("memory").asText()).isEqualTo("1024");

            TestApi.Reply pending = api.get("/nodes/pve/qemu/100/pending");
            assertThat(names(pending.data(), "key")).contains("memory", "scsi0");

            api.await(api.delete("/nodes/pve/qemu/100/snapshot/before").data().asText());
            assertThat(names(api.get("/nodes/pve/qemu/100/snapshot").data(), "name"))
                    .containsExactly("current");
            assertThat(config(100).has("parent")).isFalse();
            assertThat(api.delete("/nodes/pve/qemu/100/snapshot/before").reason())
                    .isEqualTo("snapshot 'before' does not exist");
        }

        @Test
        @DisplayName(
                "a schema path the simulator does not model answers as for a missing feature; only paths outside the schema get 501")
        void unmodelled() throws IOException {
            TestApi.Reply lxc = api.get("/nodes/pve/lxc");
            assertThat(lxc.status()).isEqualTo(200);
            assertThat(lxc.data()).isEmpty();
            TestApi.Reply ha = api.post("/cluster/ha/resources", "sid", "vm:100");
            assertThat(ha.status()).isEqualTo(500);
            assertThat(ha.reason()).contains("not available");
            assertThat(api.get("/nodes/pve/no-such-thing").status()).isEqualTo(501);
        }
    }
}
