package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.HexFormat;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated PVE API")
class SimulatorApiTest {

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

    @Nested
    @DisplayName("transport and auth")
    class Transport {

        @Test
        @DisplayName("serves HTTPS with a certificate whose SHA-256 is the published fingerprint")
        void fingerprint() throws Exception {
            Request request = new Request.Builder()
                    .url(api.url("/version"))
                    .header("Authorization", "PVEAPIToken=" + sim.apiToken().reveal())
                    .build();
            try (Response response = api.http().newCall(request).execute()) {
                byte[] der = response.handshake().peerCertificates().get(0).getEncoded();
                String served = HexFormat.ofDelimiter(":")
                        .withUpperCase()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
                assertThat(served).isEqualTo(sim.fingerprintSha256());
                assertThat(sim.fingerprintSha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            }
        }

        @Test
        @DisplayName("answers a wrong token with 401 'Authentication failed!'")
        void wrongToken() throws Exception {
            TestApi wrong = new TestApi(
                    sim, "root@pam!homestak=00000000-0000-0000-0000-000000000000", java.time.Duration.ofSeconds(5));
            TestApi.Reply reply = wrong.get("/version");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.reason()).isEqualTo("Authentication failed!");
        }

        @Test
        @DisplayName("accepts an extra token given at start, e.g. the site's")
        void extraToken() throws Exception {
            String site = "root@pam!tofu=00000000-0000-4000-8000-000000000001";
            try (Simulator other = Simulator.builder()
                    .acceptToken(dev.homestak.core.Secret.of(site))
                    .start()
                    .get()) {
                TestApi.Reply reply = new TestApi(other, site, java.time.Duration.ofSeconds(5)).get("/version");
                assertThat(reply.status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("answers an unknown path with 501 'Method ... not implemented'")
        void unknownPath() throws Exception {
            TestApi.Reply reply = api.get("/nodes/pve/nothing");
            assertThat(reply.status()).isEqualTo(501);
            assertThat(reply.reason()).isEqualTo("Method 'GET /nodes/pve/nothing' not implemented");
        }

        @Test
        @DisplayName("never shows the token in toString")
        void secrets() {
            assertThat(sim.apiToken().toString()).isEqualTo("***");
            assertThat(sim.toString()).doesNotContain(sim.apiToken().reveal().split("=")[1]);
        }
    }

    @Nested
    @DisplayName("cluster and node endpoints")
    class ClusterEndpoints {

        @Test
        @DisplayName("report version 9.1, the node with its fingerprint, and nextid as a string")
        void basics() throws Exception {
            assertThat(api.get("/version").data().path("release").asText()).isEqualTo("9.1");
            JsonNode node = api.get("/nodes").data().get(0);
            assertThat(node.path("node").asText()).isEqualTo("pve");
            assertThat(node.path("ssl_fingerprint").asText()).isEqualTo(sim.fingerprintSha256());
            assertThat(api.get("/nodes/pve/status").data().path("pveversion").asText())
                    .startsWith("pve-manager/9.1");
            JsonNode nextid = api.get("/cluster/nextid").data();
            assertThat(nextid.isTextual()).isTrue();
            assertThat(nextid.asText()).isEqualTo("100");
        }

        @Test
        @DisplayName("nextid with a taken vmid gives PVE's 400 errors map")
        void nextidTaken() throws Exception {
            api.task("/nodes/pve/qemu", "vmid", "100");
            TestApi.Reply reply = api.get("/cluster/nextid", "vmid", "100");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.reason()).isEqualTo("Parameter verification failed.");
            assertThat(reply.body().path("errors").path("vmid").asText()).isEqualTo("VM 100 already exists");
            assertThat(api.get("/cluster/nextid").data().asText()).isEqualTo("101");
        }

        @Test
        @DisplayName("cluster resources list VMs with node and status")
        void resources() throws Exception {
            api.createAndStart(100);
            JsonNode vms = api.get("/cluster/resources", "type", "vm").data();
            assertThat(vms).hasSize(1);
            assertThat(vms.get(0).path("id").asText()).isEqualTo("qemu/100");
            assertThat(vms.get(0).path("status").asText()).isEqualTo("running");
        }
    }

    @Nested
    @DisplayName("VM lifecycle")
    class Lifecycle {

        @Test
        @DisplayName("create → stopped, start → running with agent, stop, destroy → gone")
        void roundTrip() throws Exception {
            JsonNode created = api.task(
                    "/nodes/pve/qemu",
                    "vmid",
                    "100",
                    "name",
                    "test",
                    "memory",
                    "2048",
                    "agent",
                    "enabled=1",
                    "scsi0",
                    "local-lvm:8");
            assertThat(created.path("exitstatus").asText()).isEqualTo("OK");
            assertThat(created.path("upid").asText())
                    .matches("UPID:pve:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmcreate:100:" + "root@pam!homestak:");
            JsonNode config = api.get("/nodes/pve/qemu/100/config").data();
            assertThat(config.path("scsi0").asText()).isEqualTo("local-lvm:vm-100-disk-0,size=8G");
            assertThat(config.path("digest").asText()).hasSize(40);
            assertThat(api.get("/nodes/pve/qemu/100/status/current")
                            .data()
                            .path("status")
                            .asText())
                    .isEqualTo("stopped");

            assertThat(api.task("/nodes/pve/qemu/100/status/start")
                            .path("exitstatus")
                            .asText())
                    .isEqualTo("OK");
            assertThat(api.get("/nodes/pve/qemu/100/status/current")
                            .data()
                            .path("status")
                            .asText())
                    .isEqualTo("running");
            JsonNode nics = api.get("/nodes/pve/qemu/100/agent/network-get-interfaces")
                    .data()
                    .path("result");
            assertThat(nics.get(1)
                            .path("ip-addresses")
                            .get(0)
                            .path("ip-address")
                            .asText())
                    .isEqualTo(sim.vm(100).orElseThrow().address());

            assertThat(api.task("/nodes/pve/qemu/100/status/stop")
                            .path("exitstatus")
                            .asText())
                    .isEqualTo("OK");
            assertThat(api.delete("/nodes/pve/qemu/100", "purge", "1").status()).isEqualTo(200);
            api.until(r -> r.status() == 500, "/nodes/pve/qemu/100/status/current");
            assertThat(sim.vms()).isEmpty();
        }

        @Test
        @DisplayName("answers PVE's texts: missing VM, duplicate id, destroy while running, start twice")
        void errors() throws Exception {
            TestApi.Reply missing = api.get("/nodes/pve/qemu/999/status/current");
            assertThat(missing.status()).isEqualTo(500);
            assertThat(missing.reason())
                    .isEqualTo("Configuration file 'nodes/pve/qemu-server/999.conf' does not exist");
            assertThat(missing.body().path("message").asText()).startsWith("Configuration file");

            api.createAndStart(100);
            TestApi.Reply duplicate = api.post("/nodes/pve/qemu", "vmid", "100");
            assertThat(duplicate.reason()).isEqualTo("unable to create VM 100 - VM 100 already exists on node 'pve'");
            assertThat(api.delete("/nodes/pve/qemu/100").reason()).isEqualTo("VM 100 is running - destroy failed");
            JsonNode again = api.task("/nodes/pve/qemu/100/status/start");
            assertThat(again.path("exitstatus").asText()).isEqualTo("VM 100 already running");
        }

        @Test
        @DisplayName("clone copies disks under a clone lock; resize grows a disk")
        void cloneAndResize() throws Exception {
            api.task("/nodes/pve/qemu", "vmid", "100", "name", "template", "scsi0", "local-lvm:4");
            JsonNode cloned = api.task("/nodes/pve/qemu/100/clone", "newid", "101", "name", "copy", "full", "1");
            assertThat(cloned.path("type").asText()).isEqualTo("qmclone");
            JsonNode config = api.get("/nodes/pve/qemu/101/config").data();
            assertThat(config.path("name").asText()).isEqualTo("copy");
            assertThat(config.path("scsi0").asText()).isEqualTo("local-lvm:vm-101-disk-0,size=4G");
            assertThat(config.has("lock")).isFalse();

            TestApi.Reply resize = api.put("/nodes/pve/qemu/101/resize", "disk", "scsi0", "size", "+6G");
            api.await(resize.data().asText());
            assertThat(api.get("/nodes/pve/qemu/101/config")
                            .data()
                            .path("scsi0")
                            .asText())
                    .endsWith("size=10G");
        }

        @Test
        @DisplayName("config PUT applies options, deletes some, and rejects a stale digest")
        void config() throws Exception {
            api.task("/nodes/pve/qemu", "vmid", "100", "cores", "1");
            String digest =
                    api.get("/nodes/pve/qemu/100/config").data().path("digest").asText();
            assertThat(api.put("/nodes/pve/qemu/100/config", "cores", "4", "digest", digest)
                            .status())
                    .isEqualTo(200);
            TestApi.Reply stale = api.put("/nodes/pve/qemu/100/config", "memory", "4096", "digest", digest);
            assertThat(stale.reason())
                    .isEqualTo("detected modified configuration - file changed by other user? Try again.");
            api.put("/nodes/pve/qemu/100/config", "delete", "cores");
            assertThat(api.get("/nodes/pve/qemu/100/config").data().has("cores"))
                    .isFalse();
        }

        @Test
        @DisplayName("task log ends with TASK OK and carries total")
        void taskLog() throws Exception {
            String upid =
                    api.task("/nodes/pve/qemu", "vmid", "100").path("upid").asText();
            TestApi.Reply log = api.get("/nodes/pve/tasks/" + upid + "/log", "start", "0", "limit", "50");
            assertThat(log.body().path("total").asInt()).isEqualTo(log.data().size());
            assertThat(log.data().get(log.data().size() - 1).path("t").asText()).isEqualTo("TASK OK");
        }
    }
}
