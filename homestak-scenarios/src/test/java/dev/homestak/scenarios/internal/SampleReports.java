package dev.homestak.scenarios.internal;

import dev.homestak.core.Facts;
import dev.homestak.scenarios.CleanupSummary;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reports with fixed times, built to reproduce the original's committed sample reports (seed-system §6.2, §6.3). */
final class SampleReports {

    static final ZoneId ZONE = ZoneOffset.UTC;

    private SampleReports() {}

    static Instant at(String localIso) {
        return LocalDateTime.parse(localIso).toInstant(ZoneOffset.UTC);
    }

    /** The original's Markdown sample: simple-vm-roundtrip on pve, 33.1 s. */
    static RunReport passedOnPve() {
        Instant start = at("2026-01-03T15:39:31.100000");
        List<PhaseResult> phases = new ArrayList<>();
        Instant t = start;
        t = add(
                phases,
                "ensure_image",
                "Ensure packer image exists",
                "Image debian-12-custom.img already exists",
                t,
                200);
        t = add(phases, "provision", "Provision test VM", "Tofu apply completed for envs/test", t, 12_400);
        t = add(phases, "start", "Start test VM", "VM 99901 started", t, 1_800);
        t = add(phases, "wait_ip", "Wait for VM IP", "VM 99901 has IP: 10.0.12.150", t, 15_300);
        t = add(phases, "verify_ssh", "Verify SSH access", "SSH available on 10.0.12.150", t, 500);
        t = add(phases, "destroy", "Destroy test VM", "Tofu destroy completed for envs/test", t, 3_000);
        return RunReport.builder()
                .runId("20260103-153931-4f2a9c")
                .scenario("simple-vm-roundtrip")
                .host("pve")
                .outcome(RunOutcome.PASSED)
                .startedAt(start)
                .finishedAt(t.plusMillis(-100))
                .phases(phases)
                .facts(Facts.empty().with(Facts.VM_IP, "10.0.12.150"))
                .cleanup(new CleanupSummary(true, List.of("destroy: Tofu destroy completed for envs/test"), List.of()))
                .build();
    }

    /** The original's JSON sample: simple-vm-roundtrip on father, 59.238494 s. */
    static RunReport passedOnFather() {
        Instant start = at("2026-01-03T15:56:16.915451");
        List<PhaseResult> phases = List.of(
                phase(
                        "ensure_image",
                        "Ensure packer image exists",
                        "Downloaded debian-12-custom.img",
                        start,
                        31_122_485_637L),
                phase("provision", "Provision test VM", "Tofu apply completed for envs/test", start, 8_489_651_441L),
                phase("start", "Start test VM", "VM 99901 started", start, 1_480_053_186L),
                phase("wait_ip", "Wait for VM IP", "VM 99901 has IP: 10.0.12.146", start, 15_078_717_470L),
                phase("verify_ssh", "Verify SSH access", "SSH available on 10.0.12.146", start, 281_636_476L),
                phase("destroy", "Destroy test VM", "Tofu destroy completed for envs/test", start, 2_785_207_271L));
        return RunReport.builder()
                .runId("20260103-155616-0b7e11")
                .scenario("simple-vm-roundtrip")
                .host("father")
                .outcome(RunOutcome.PASSED)
                .startedAt(start)
                .finishedAt(at("2026-01-03T15:57:16.153945"))
                .phases(phases)
                .build();
    }

    /**
     * A failed nested-pve-roundtrip: one skipped phase, a failure whose message is multi-line coloured stderr
     * with a pipe, phases never reached, and cleanup that removed one thing and could not remove another.
     */
    static RunReport failedWithCleanup() {
        Instant start = at("2026-01-03T16:00:00");
        String stderr = "\u001b[31m╷\u001b[0m\n\u001b[31m│\u001b[0m \u001b[1;31mError: \u001b[0mcreating custom disk: "
                + "/var/lib/vz/template/iso/debian-12-custom.img: non-existent | or non-regular file\n"
                + "\u001b[31m╵\u001b[0m";
        List<PhaseResult> phases = new ArrayList<>();
        phases.add(phase(
                "provision",
                "Provision inner PVE VM",
                "Tofu apply completed for nested-pve on pve",
                start,
                8_000_000_000L));
        phases.add(PhaseResult.skipped("start_vm", "Start inner PVE VM", start.plusSeconds(8)));
        phases.add(new PhaseResult(
                "wait_ip",
                "Wait for inner PVE IP",
                PhaseStatus.FAILED,
                "tofu apply failed: " + stderr,
                Duration.ofMillis(2_250),
                Optional.of(start.plusSeconds(8)),
                Optional.of(start.plusMillis(10_250)),
                false));
        for (String[] p : new String[][] {{"install_pve", "Install Proxmox VE"}, {"verify", "Verify SSH chain"}}) {
            phases.add(PhaseResult.notRun(p[0], p[1], "not reached: wait_ip failed"));
        }
        phases.add(
                phase("stop_inner", "Stop inner PVE VM", "VM 99913 stopped", start.plusMillis(10_250), 1_000_000_000L)
                        .asCleanup());
        phases.add(new PhaseResult(
                "destroy_inner",
                "Destroy inner PVE VM",
                PhaseStatus.FAILED,
                "VM 99913 on pve: HTTP 500: can't lock file '/var/lock/qemu-server/lock-99913.conf' - got timeout",
                Duration.ofMillis(500),
                Optional.of(start.plusMillis(11_250)),
                Optional.of(start.plusMillis(11_750)),
                true));
        return RunReport.builder()
                .runId("20260103-160000-c0ffee")
                .scenario("nested-pve-roundtrip")
                .host("pve")
                .outcome(RunOutcome.CLEANUP_FAILED)
                .startedAt(start)
                .finishedAt(start.plusMillis(11_750))
                .phases(phases)
                .cleanup(new CleanupSummary(
                        true,
                        List.of("stop_inner: VM 99913 stopped"),
                        List.of("destroy_inner: VM 99913 on pve: HTTP 500: can't lock file "
                                + "'/var/lock/qemu-server/lock-99913.conf' - got timeout")))
                .build();
    }

    private static Instant add(
            List<PhaseResult> phases, String name, String description, String message, Instant start, long millis) {
        Instant end = start.plusMillis(millis);
        phases.add(PhaseResult.ran(name, description, PhaseStatus.PASSED, message, start, end));
        return end;
    }

    private static PhaseResult phase(String name, String description, String message, Instant start, long nanos) {
        return PhaseResult.ran(name, description, PhaseStatus.PASSED, message, start, start.plusNanos(nanos));
    }
}
