package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.homestak.core.ManualClock;
import dev.homestak.proxmox.model.CloneVmRequest;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.proxmox.model.CreatedToken;
import dev.homestak.proxmox.model.DeleteVmRequest;
import dev.homestak.proxmox.model.DownloadUrlRequest;
import dev.homestak.proxmox.model.SdnRequest;
import dev.homestak.proxmox.model.ShutdownRequest;
import dev.homestak.proxmox.model.TokenRequest;
import dev.homestak.proxmox.model.VmConfigUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WireMockTest
@DisplayName("writes: exact method, path, form body (PVE conventions) and token header; UPIDs become Tasks")
class ClientWritesTest {

    static final String UPID = "UPID:pve:000137B5:00112EB4:6991F9E1:qmcreate:101:root@pam!homestak:";
    ProxmoxClient pve;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        pve = TestClients.client(wm, ManualClock.at(Instant.parse("2026-05-01T10:00:00Z")));
        stubFor(any(urlPathMatching("/api2/json/.*")).willReturn(Pve.upid(UPID)));
    }

    @AfterEach
    void close() {
        pve.close();
    }

    @Nested
    @DisplayName("VM lifecycle")
    class Lifecycle {
        @Test
        @DisplayName("create posts the options form-encoded, booleans as 1/0, sshkeys strictly percent-encoded")
        void create() {
            Task task = pve.node("pve")
                    .qemu()
                    .create(CreateVmRequest.builder(101)
                            .name("test")
                            .memoryMiB(2048)
                            .cores(2)
                            .ciuser("debian")
                            .sshKeys("ssh-ed25519 AAAAC3Nz me@host")
                            .agent(true)
                            .start(false)
                            .option("net0", "virtio,bridge=vmbr0")
                            .option("scsi0", "local-lvm:0,import-from=local:import/d.qcow2")
                            .build())
                    .get();
            assertThat(task.upid().type()).isEqualTo("qmcreate");
            assertThat(task.upid().node()).isEqualTo("pve");
            assertThat(FormBodies.body("POST", "/nodes/pve/qemu"))
                    .containsExactly(
                            entry("vmid", "101"),
                            entry("name", "test"),
                            entry("memory", "2048"),
                            entry("cores", "2"),
                            entry("ciuser", "debian"),
                            entry("sshkeys", "ssh-ed25519%20AAAAC3Nz%20me%40host"),
                            entry("agent", "enabled=1"),
                            entry("net0", "virtio,bridge=vmbr0"),
                            entry("scsi0", "local-lvm:0,import-from=local:import/d.qcow2"),
                            entry("start", "0"));
            // the pre-encoded value is form-encoded again: % travels as %25
            assertThat(FormBodies.only("POST", "/nodes/pve/qemu").getBodyAsString())
                    .contains("sshkeys=ssh-ed25519%2520AAAAC3Nz");
            assertThat(FormBodies.only("POST", "/nodes/pve/qemu").getHeader("Authorization"))
                    .isEqualTo(TestClients.TOKEN_HEADER);
            assertThat(FormBodies.only("POST", "/nodes/pve/qemu").getHeader("Content-Type"))
                    .startsWith("application/x-www-form-urlencoded");
        }

        @Test
        @DisplayName("clone, config PUT/POST and resize send their fields")
        void cloneConfigResize() {
            VmApi vm = pve.node("pve").qemu(9000);
            assertThat(vm.cloneTo(CloneVmRequest.builder(101)
                                    .name("web")
                                    .full(true)
                                    .storage("local-lvm")
                                    .build())
                            .isRight())
                    .isTrue();
            assertThat(FormBodies.body("POST", "/nodes/pve/qemu/9000/clone"))
                    .containsExactly(
                            entry("newid", "101"),
                            entry("name", "web"),
                            entry("full", "1"),
                            entry("storage", "local-lvm"));
            stubFor(put(urlPathEqualTo("/api2/json/nodes/pve/qemu/9000/config")).willReturn(Pve.data("null")));
            assertThat(vm.setConfig(VmConfigUpdate.builder()
                                    .set("cores", "4")
                                    .set("ipconfig0", "ip=dhcp")
                                    .delete("ide2")
                                    .digest("abc")
                                    .build())
                            .get())
                    .isEqualTo(Done.DONE);
            assertThat(FormBodies.body("PUT", "/nodes/pve/qemu/9000/config"))
                    .containsExactly(
                            entry("cores", "4"),
                            entry("ipconfig0", "ip=dhcp"),
                            entry("delete", "ide2"),
                            entry("digest", "abc"));
            assertThat(vm.updateConfig(VmConfigUpdate.builder()
                                    .set("scsi1", "local-lvm:8")
                                    .build())
                            .isRight())
                    .isTrue();
            assertThat(FormBodies.body("POST", "/nodes/pve/qemu/9000/config"))
                    .containsExactly(entry("scsi1", "local-lvm:8"));
            assertThat(vm.resize("scsi0", "+10G").isRight()).isTrue();
            assertThat(FormBodies.body("PUT", "/nodes/pve/qemu/9000/resize"))
                    .containsExactly(entry("disk", "scsi0"), entry("size", "+10G"));
        }

        @Test
        @DisplayName("start, stop, shutdown and reboot post to status/*")
        void power() {
            VmStatusApi status = pve.node("pve").qemu(100).status();
            assertThat(status.start().isRight()).isTrue();
            assertThat(status.stop().isRight()).isTrue();
            assertThat(status.shutdown(ShutdownRequest.of(Duration.ofSeconds(60), true))
                            .isRight())
                    .isTrue();
            assertThat(status.reboot().isRight()).isTrue();
            assertThat(FormBodies.body("POST", "/nodes/pve/qemu/100/status/start"))
                    .isEmpty();
            assertThat(FormBodies.body("POST", "/nodes/pve/qemu/100/status/stop"))
                    .isEmpty();
            assertThat(FormBodies.body("POST", "/nodes/pve/qemu/100/status/shutdown"))
                    .containsExactly(entry("timeout", "60"), entry("forceStop", "1"));
            assertThat(FormBodies.body("POST", "/nodes/pve/qemu/100/status/reboot"))
                    .isEmpty();
        }

        @Test
        @DisplayName("delete sends purge and destroy-unreferenced-disks as query parameters, no body")
        void deleteVm() {
            assertThat(pve.node("pve")
                            .qemu(100)
                            .delete(DeleteVmRequest.thorough())
                            .get()
                            .upid()
                            .value())
                    .isEqualTo(UPID);
            assertThat(FormBodies.query("DELETE", "/nodes/pve/qemu/100"))
                    .containsExactly(entry("purge", "1"), entry("destroy-unreferenced-disks", "1"));
            assertThat(FormBodies.only("DELETE", "/nodes/pve/qemu/100").getBodyAsString())
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("guest agent")
    class Agent {
        @Test
        @DisplayName("ping posts nothing; exec sends argv as repeated command keys")
        void pingAndExec() {
            stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/agent/ping"))
                    .willReturn(Pve.data("{\"result\":{}}")));
            stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/agent/exec"))
                    .willReturn(Pve.data("{\"pid\":\"4242\"}")));
            AgentApi agent = pve.node("pve").qemu(100).agent();
            assertThat(agent.ping().get()).isEqualTo(Done.DONE);
            assertThat(agent.exec(List.of("/bin/sh", "-c", "echo hi there")).get())
                    .isEqualTo(4242);
            assertThat(FormBodies.body("POST", "/nodes/pve/qemu/100/agent/exec"))
                    .containsExactly(
                            entry("command", "/bin/sh"), entry("command", "-c"), entry("command", "echo hi there"));
        }
    }

    @Nested
    @DisplayName("storage and images")
    class Storage {
        @Test
        @DisplayName("download-url posts url, filename, content and the checksum pair")
        void downloadUrl() {
            Task t = pve.node("pve")
                    .storage("local")
                    .downloadUrl(DownloadUrlRequest.of(
                                    "https://cloud.debian.org/images/cloud/trixie/latest/debian-13-genericcloud-amd64.qcow2",
                                    "debian-13.qcow2",
                                    "import")
                            .withChecksum("sha512", "abc123"))
                    .get();
            assertThat(t).isNotNull();
            assertThat(FormBodies.body("POST", "/nodes/pve/storage/local/download-url"))
                    .containsExactly(
                            entry(
                                    "url",
                                    "https://cloud.debian.org/images/cloud/trixie/latest/debian-13-genericcloud-amd64.qcow2"),
                            entry("filename", "debian-13.qcow2"),
                            entry("content", "import"),
                            entry("checksum", "abc123"),
                            entry("checksum-algorithm", "sha512"));
        }

        @Test
        @DisplayName("content delete percent-encodes the volid in the path; null data means done already")
        void deleteContent() {
            stubFor(delete(urlPathMatching("/api2/json/nodes/pve/storage/local/content/.*"))
                    .willReturn(Pve.data("null")));
            assertThat(pve.node("pve")
                            .storage("local")
                            .deleteContent("local:import/debian-13.qcow2")
                            .get())
                    .isEmpty();
            assertThat(com.github.tomakehurst.wiremock.client.WireMock.findAll(
                                    com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                                            urlPathMatching(".*/content/.*")))
                            .get(0)
                            .getUrl())
                    .isEqualTo("/api2/json/nodes/pve/storage/local/content/local:import%2Fdebian-13.qcow2");
        }
    }

    @Nested
    @DisplayName("access and SDN")
    class AccessSdn {
        @Test
        @DisplayName("token create posts privsep/expire/comment and keeps the secret masked; delete sends DELETE")
        void tokens() {
            stubFor(post(urlPathEqualTo("/api2/json/access/users/root@pam/token/ci"))
                    .willReturn(Pve.data(
                            "{\"full-tokenid\":\"root@pam!ci\",\"info\":{\"privsep\":0,\"expire\":0,\"comment\":\"ci\"},"
                                    + "\"value\":\"11111111-2222-3333-4444-555555555555\"}")));
            stubFor(delete(urlPathEqualTo("/api2/json/access/users/root@pam/token/ci"))
                    .willReturn(Pve.data("null")));
            CreatedToken token = pve.access()
                    .createToken("root@pam", "ci", TokenRequest.fullPrivileges("ci"))
                    .get();
            assertThat(token.value().reveal()).isEqualTo("11111111-2222-3333-4444-555555555555");
            assertThat(token.toString()).doesNotContain("11111111");
            assertThat(token.tokenString().reveal()).isEqualTo("root@pam!ci=11111111-2222-3333-4444-555555555555");
            assertThat(FormBodies.body("POST", "/access/users/root@pam/token/ci"))
                    .containsExactly(entry("privsep", "0"), entry("expire", "0"), entry("comment", "ci"));
            assertThat(pve.access().deleteToken("root@pam", "ci").get()).isEqualTo(Done.DONE);
        }

        @Test
        @DisplayName("zone, vnet and subnet creates post their fields (arrays repeated); apply is PUT /cluster/sdn")
        void sdn() {
            stubFor(post(urlPathMatching("/api2/json/cluster/sdn/.*")).willReturn(Pve.data("null")));
            stubFor(put(urlPathEqualTo("/api2/json/cluster/sdn"))
                    .willReturn(Pve.upid("UPID:pve:000137B7:00112EB6:6991F9E3:reloadnetworkall::root@pam!homestak:")));
            SdnApi sdn = pve.cluster().sdn();
            assertThat(sdn.create(SdnRequest.zone("lab", "simple").with("ipam", "pve"))
                            .isRight())
                    .isTrue();
            assertThat(sdn.create(SdnRequest.vnet("labnet", "lab")).isRight()).isTrue();
            assertThat(sdn.createSubnet(
                                    "labnet",
                                    SdnRequest.subnet("10.10.0.0/24")
                                            .with("gateway", "10.10.0.1")
                                            .with("snat", "1")
                                            .with("dhcp-range", "start-address=10.10.0.100,end-address=10.10.0.200"))
                            .isRight())
                    .isTrue();
            Task apply = sdn.apply().get();
            assertThat(apply.upid().type()).isEqualTo("reloadnetworkall");
            assertThat(apply.upid().id()).isEmpty();
            assertThat(FormBodies.body("POST", "/cluster/sdn/zones"))
                    .containsExactly(entry("zone", "lab"), entry("type", "simple"), entry("ipam", "pve"));
            assertThat(FormBodies.body("POST", "/cluster/sdn/vnets"))
                    .containsExactly(entry("vnet", "labnet"), entry("zone", "lab"));
            assertThat(FormBodies.body("POST", "/cluster/sdn/vnets/labnet/subnets"))
                    .containsExactly(
                            entry("subnet", "10.10.0.0/24"),
                            entry("type", "subnet"),
                            entry("gateway", "10.10.0.1"),
                            entry("snat", "1"),
                            entry("dhcp-range", "start-address=10.10.0.100,end-address=10.10.0.200"));
            assertThat(FormBodies.only("PUT", "/cluster/sdn").getHeader("Authorization"))
                    .isEqualTo(TestClients.TOKEN_HEADER);
        }
    }

    @Test
    @DisplayName("a body that is not a UPID is a Decode failure naming the call")
    void notAUpid() {
        stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/status/start"))
                .willReturn(Pve.data("null")));
        assertThat(pve.node("pve").qemu(100).status().start().getLeft().message())
                .contains("POST /nodes/pve/qemu/100/status/start")
                .contains("not a PVE task id");
    }
}
