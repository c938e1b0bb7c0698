package dev.homestak.bench;

import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.Task;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.sim.Timing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** The client against the simulator: read requests per second, and heap per 1,000 tasks awaited at once. */
final class Throughput {

    private Throughput() {}

    static List<Row> run(Path dir, Duration duration, int threads, int awaits) throws Exception {
        Timing timing = new Timing(
                Map.of("qmcreate", Duration.ofSeconds(30)),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofSeconds(10),
                1.0);
        try (BenchSite site = BenchSite.start(dir, timing, 1);
                ProxmoxClient pve = ProxmoxClient.forHost(
                                site.sim.baseUri(), site.sim.apiToken(), Optional.of(site.sim.fingerprintSha256()))
                        .getOrElseThrow(f -> new IllegalStateException(f.message()))) {
            double rps = requestsPerSecond(pve, duration, threads);
            double heapKb = heapPerAwaits(pve, site.sim.node(), awaits);
            return List.of(
                    Row.info(
                            "client throughput",
                            "GET /nodes/{node}/status, " + threads + " threads, one client",
                            String.format("%.0f requests/s", rps)),
                    Row.info(
                            "client throughput",
                            "heap per 1,000 tasks awaited at once",
                            String.format("%.0f KB (%d awaits on virtual threads)", heapKb * 1000 / awaits, awaits)));
        }
    }

    private static double requestsPerSecond(ProxmoxClient pve, Duration duration, int threads) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                all.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        pve.node("pve").status().getOrElseThrow(f -> new IllegalStateException(f.message()));
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        return done.get() / (duration.toNanos() / 1e9);
    }

    /** Heap (KB, after GC) held by {@code awaits} concurrent {@code Task.await}s on 30 s create tasks. */
    private static double heapPerAwaits(ProxmoxClient pve, String node, int awaits) throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(pve.node(node)
                    .qemu()
                    .create(CreateVmRequest.builder(5000 + i)
                            .name("t" + i)
                            .option("scsi0", "local-lvm:1")
                            .build())
                    .getOrElseThrow(f -> new IllegalStateException(f.message())));
        }
        long baseline = usedHeapAfterGc();
        CountDownLatch started = new CountDownLatch(awaits);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < awaits; i++) {
                Task task = tasks.get(i % tasks.size());
                pool.submit(() -> {
                    started.countDown();
                    return task.await(Duration.ofSeconds(2)); // times out: the measurement is taken meanwhile
                });
            }
            started.await();
            long held = usedHeapAfterGc();
            return Math.max(0, held - baseline) / 1024.0;
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
