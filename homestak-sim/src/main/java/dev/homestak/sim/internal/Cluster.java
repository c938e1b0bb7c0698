package dev.homestak.sim.internal;

import dev.homestak.sim.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The state of one simulated PVE node: its VMs, tasks and storage, and the task engine. Every
 * method synchronizes on this object; handlers that read and write several things do the same.
 */
final class Cluster {

    final String node;
    final SimRuntime runtime;
    final Guests guests;
    final Map<Integer, Vm> vms = new TreeMap<>();
    final Storage storage = new Storage();
    final Sdn sdn = new Sdn();
    private final Map<String, SimTask> tasks = new LinkedHashMap<>();
    private final List<SimTask> pending = new ArrayList<>();
    private int pids = 0x2f00;

    Cluster(String node, SimRuntime runtime, Guests guests) {
        this.node = node;
        this.runtime = runtime;
        this.guests = guests;
    }

    /** The VM, or PVE's "does not exist" error. */
    synchronized Vm vm(int vmid) {
        Vm vm = vms.get(vmid);
        if (vm == null) {
            throw PveError.noSuchVm(node, vmid);
        }
        return vm;
    }

    /** The task with this UPID, or PVE's error. */
    synchronized SimTask task(String upid) {
        SimTask task = tasks.get(upid);
        if (task == null) {
            throw PveError.of("no such task");
        }
        return task;
    }

    /** Every task, oldest first. */
    synchronized List<SimTask> allTasks() {
        return List.copyOf(tasks.values());
    }

    synchronized List<TaskView> taskViews() {
        return tasks.values().stream().map(SimTask::view).toList();
    }

    /**
     * Starts a task of {@code type} about {@code id}. When it concerns a VM, it queues behind the
     * tasks already holding that VM's file lock and fails with PVE's lock timeout text if it would
     * wait longer than the lock timeout. An injected task failure replaces the work.
     */
    synchronized String submit(Call call, String type, String id, @Nullable Vm vm, TaskWork work) {
        Instant now = runtime.clock().instant();
        Instant start = now;
        TaskWork effective =
                call.failTask().<TaskWork>map(m -> failing(work, m)).orElse(work);
        Duration duration = runtime.timing().task(type);
        if (vm != null && vm.flockFreeAt.isAfter(now)) {
            Duration lockTimeout = runtime.timing().scaled(runtime.timing().lockTimeout());
            if (Duration.between(now, vm.flockFreeAt).compareTo(lockTimeout) > 0) {
                // the worker would give up waiting for the lock: it fails then, without doing anything
                start = now.plus(lockTimeout);
                duration = Duration.ZERO;
                effective = failing(work, PveError.lockTimeoutText(vm.vmid));
            } else {
                start = vm.flockFreeAt;
            }
        }
        Instant due = start.plus(duration);
        if (vm != null && due.isAfter(vm.flockFreeAt)) {
            vm.flockFreeAt = due;
        }
        SimTask task = new SimTask(node, type, id, call.user(), pids++, now, due, effective);
        task.log(taskBanner(type, id));
        tasks.put(task.upid(), task);
        pending.add(task);
        advance();
        return task.upid();
    }

    /**
     * Waits (on the simulator's clock) for a VM's file lock, as a synchronous PVE call does, or
     * fails with PVE's lock timeout.
     */
    synchronized void awaitFlock(Vm vm) {
        Instant deadline = runtime.clock()
                .instant()
                .plus(runtime.timing().scaled(runtime.timing().lockTimeout()));
        if (vm.flockFreeAt.isAfter(deadline)) {
            throw PveError.of(PveError.lockTimeoutText(vm.vmid));
        }
        long realDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (vm.flockFreeAt.isAfter(runtime.clock().instant())) {
            if (System.nanoTime() > realDeadline) {
                // a manual clock that nobody advances: answer like PVE would after its timeout
                throw PveError.of(PveError.lockTimeoutText(vm.vmid));
            }
            try {
                wait(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PveError.of(PveError.lockTimeoutText(vm.vmid));
            }
            advance();
        }
    }

    /**
     * Waits (on the simulator's clock) for task {@code upid} to end, as PVE's command-line tools ({@code pvesh},
     * {@code qm}) run a worker in the foreground; a manual clock that nobody advances gives up after 30 s.
     */
    synchronized void awaitTask(String upid) {
        SimTask task = tasks.get(upid);
        long realDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (task != null && task.running() && System.nanoTime() < realDeadline) {
            try {
                wait(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            advance();
        }
    }

    /** Ends every task whose time has come (in order), then moves booting guests along. */
    synchronized void advance() {
        Instant now = runtime.clock().instant();
        List<SimTask> due = pending.stream()
                .filter(t -> !t.dueAt().isAfter(now))
                .sorted(Comparator.comparing(SimTask::dueAt))
                .toList();
        for (SimTask task : due) {
            pending.remove(task);
            task.finish();
        }
        for (Vm vm : List.copyOf(vms.values())) {
            guests.poll(vm, now);
        }
        notifyAll();
    }

    /** True while a task is pending or a running guest is still booting (so the ticker keeps ticking). */
    synchronized boolean busy() {
        return !pending.isEmpty() || vms.values().stream().anyMatch(guests::booting);
    }

    /** Stops a task (no-op when it has ended), or PVE's error when there is no such task. */
    synchronized void stop(String upid) {
        SimTask task = task(upid);
        if (pending.remove(task)) {
            task.interrupt();
        }
        notifyAll();
    }

    /** Removes a VM from the node (after its destroy task). */
    synchronized void remove(Vm vm) {
        guests.destroy(vm);
        vms.remove(vm.vmid);
        storage.removeVmDisks(vm.vmid);
    }

    /** Every VM id in use. */
    synchronized List<Integer> vmids() {
        return List.copyOf(vms.keySet());
    }

    private static TaskWork failing(TaskWork work, String message) {
        return new TaskWork() {
            @Override
            public Optional<String> run() {
                work.abort();
                return Optional.of(message);
            }

            @Override
            public void abort() {
                work.abort();
            }
        };
    }

    private static String taskBanner(String type, String id) {
        return switch (type) {
            case "qmstart" -> "start VM " + id + ": simulated";
            case "qmstop" -> "stop VM " + id + ": simulated";
            case "qmcreate" -> "create VM " + id + ": simulated";
            case "download" -> "downloading " + id;
            default -> type + " " + id;
        };
    }

    /** For callers holding the lock that need "now". */
    Instant now() {
        return runtime.clock().instant();
    }

    Optional<Vm> find(int vmid) {
        synchronized (this) {
            return Optional.ofNullable(vms.get(vmid));
        }
    }
}
