package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.homestak.core.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WireMockTest
@DisplayName("tasks: a UPID is a Task; await polls adaptively and tells OK, WARNINGS and FAILED apart")
class TaskAwaitTest {

    static final String TASKS = "/api2/json/nodes/pve/tasks/" + Pve.UPID_START;
    ManualClock time;
    ProxmoxClient pve;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        time = ManualClock.at(Instant.parse("2026-05-01T10:00:00Z"));
        pve = TestClients.client(wm, time);
        stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/status/start"))
                .willReturn(Pve.upid(Pve.UPID_START)));
    }

    @AfterEach
    void close() {
        pve.close();
    }

    static void runningTimes(int n, String finalStatus) {
        for (int i = 0; i < n; i++) {
            stubFor(get(urlPathEqualTo(TASKS + "/status"))
                    .inScenario("task")
                    .whenScenarioStateIs(i == 0 ? STARTED : "poll" + i)
                    .willReturn(Pve.data("{\"upid\":\"" + Pve.UPID_START + "\",\"node\":\"pve\",\"status\":\"running\","
                            + "\"pid\":79797,\"type\":\"qmstart\",\"id\":\"100\",\"user\":\"root@pam!homestak\"}"))
                    .willSetStateTo("poll" + (i + 1)));
        }
        stubFor(get(urlPathEqualTo(TASKS + "/status"))
                .inScenario("task")
                .whenScenarioStateIs(n == 0 ? STARTED : "poll" + n)
                .willReturn(Pve.data("{\"upid\":\"" + Pve.UPID_START + "\",\"status\":\"stopped\",\"exitstatus\":\""
                        + finalStatus + "\"}")));
    }

    static void log(String... lines) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < lines.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"n\":")
                    .append(i + 1)
                    .append(",\"t\":\"")
                    .append(lines[i])
                    .append("\"}");
        }
        stubFor(get(urlPathEqualTo(TASKS + "/log"))
                .willReturn(Pve.aResponseWithTotal(json.append("]").toString(), lines.length)));
    }

    Task start() {
        return pve.node("pve").qemu(100).status().start().get();
    }

    @Test
    @DisplayName("the UPID is parsed into node, type, id, user and start time")
    void upid() {
        Upid u = start().upid();
        assertThat(u.node()).isEqualTo("pve");
        assertThat(u.type()).isEqualTo("qmstart");
        assertThat(u.id()).isEqualTo("100");
        assertThat(u.user()).isEqualTo("root@pam!homestak");
        assertThat(u.start().getEpochSecond()).isEqualTo(0x6991F9E1L);
        assertThat(Upid.parse("UPID:bad").getLeft()).contains("not a PVE task id");
    }

    @Nested
    @DisplayName("await")
    class Await {
        @Test
        @DisplayName("returns OK without reading the log, polling 50 ms doubling up to 1 s")
        void ok() {
            runningTimes(6, "OK");
            log("starting VM 100", "TASK OK");
            TaskResult r = start().await(Duration.ofMinutes(5)).get();
            assertThat(r.outcome()).isEqualTo(TaskResult.Outcome.OK);
            assertThat(r.logTail()).isEmpty();
            verify(0, getRequestedFor(urlPathEqualTo(TASKS + "/log")));
            assertThat(time.sleeps())
                    .extracting(Duration::toMillis)
                    .containsExactly(50L, 100L, 200L, 400L, 800L, 1000L);
        }

        @Test
        @DisplayName("treats WARNINGS: n as success and surfaces the warning lines")
        void warnings() {
            runningTimes(1, "WARNINGS: 2");
            log("WARN: no efidisk configured", "WARN: old machine type", "TASK WARNINGS: 2");
            TaskResult r = start().await(Duration.ofMinutes(5)).get();
            assertThat(r.outcome()).isEqualTo(TaskResult.Outcome.WARNINGS);
            assertThat(r.warnings()).isEqualTo(2);
            assertThat(r.warningLines()).hasSize(2);
        }

        @Test
        @DisplayName("returns TaskFailed with the exit status and the log tail")
        void failed() {
            runningTimes(
                    2, "clone failed: can't lock file '/var/lock/pve-manager/pve-storage-local-lvm' - got timeout");
            log("trying to acquire lock...", "TASK ERROR: clone failed: can't lock file");
            ProxmoxFailure f = start().await(Duration.ofMinutes(5)).getLeft();
            assertThat(f).isInstanceOfSatisfying(ProxmoxFailure.TaskFailed.class, t -> {
                assertThat(t.exitStatus()).startsWith("clone failed: can't lock file");
                assertThat(t.logTail()).contains("trying to acquire lock...");
            });
            assertThat(f.message()).contains("task qmstart 100 on pve failed: clone failed");
        }

        @Test
        @DisplayName("reads only the last 50 log lines of a long log")
        void pagedTail() {
            runningTimes(0, "clone failed");
            stubFor(get(urlPathEqualTo(TASKS + "/log"))
                    .withQueryParam("start", equalTo("0"))
                    .willReturn(Pve.aResponseWithTotal("[{\"n\":1,\"t\":\"line 1\"}]", 120)));
            stubFor(get(urlPathEqualTo(TASKS + "/log"))
                    .withQueryParam("start", equalTo("70"))
                    .willReturn(Pve.aResponseWithTotal("[{\"n\":71,\"t\":\"line 71\"}]", 120)));
            ProxmoxFailure f = start().await(Duration.ofSeconds(10)).getLeft();
            assertThat(((ProxmoxFailure.TaskFailed) f).logTail()).containsExactly("line 71");
            verify(getRequestedFor(urlPathEqualTo(TASKS + "/log")).withQueryParam("limit", equalTo("50")));
        }

        @Test
        @DisplayName("times out keeping the UPID; the task can be re-attached and stopped")
        void timeout() {
            runningTimes(1000, "OK");
            Task task = start();
            ProxmoxFailure f = task.await(Duration.ofSeconds(3)).getLeft();
            assertThat(f)
                    .isInstanceOfSatisfying(
                            ProxmoxFailure.TaskTimeout.class,
                            t -> assertThat(t.upid().value()).isEqualTo(Pve.UPID_START));
            assertThat(f.message()).contains(Pve.UPID_START);
            assertThat(time.sleeps().stream().mapToLong(Duration::toMillis).sum())
                    .isEqualTo(3000L);
            stubFor(delete(urlPathEqualTo(TASKS)).willReturn(Pve.data("null")));
            assertThat(pve.task(task.upid()).stop().get()).isEqualTo(Done.DONE);
            verify(deleteRequestedFor(urlPathEqualTo(TASKS)));
        }

        @Test
        @DisplayName("tolerates the status call not knowing a just-started task yet")
        void notVisibleYet() {
            stubFor(get(urlPathEqualTo(TASKS + "/status"))
                    .inScenario("task")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(Pve.error(400, "Parameter verification failed."))
                    .willSetStateTo("visible"));
            stubFor(get(urlPathEqualTo(TASKS + "/status"))
                    .inScenario("task")
                    .whenScenarioStateIs("visible")
                    .willReturn(Pve.data("{\"status\":\"stopped\",\"exitstatus\":\"OK\"}")));
            log("TASK OK");
            assertThat(start().await(Duration.ofMinutes(1)).get().outcome()).isEqualTo(TaskResult.Outcome.OK);
        }

        @Test
        @DisplayName("returns Cancelled promptly when the thread is interrupted")
        void interrupted() {
            runningTimes(1000, "OK");
            Task task = start();
            Thread.currentThread().interrupt();
            try {
                assertThat(task.await(Duration.ofHours(1)).getLeft()).isInstanceOf(ProxmoxFailure.Cancelled.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(time.sleeps()).isEmpty();
        }
    }

    @Test
    @DisplayName("log(start, limit) pages with total")
    void logPage() {
        log("a", "b", "c");
        assertThat(start().log(0, 50).get()).satisfies(l -> {
            assertThat(l.total()).isEqualTo(3);
            assertThat(l.lines()).isEqualTo(List.of("a", "b", "c"));
        });
    }
}
