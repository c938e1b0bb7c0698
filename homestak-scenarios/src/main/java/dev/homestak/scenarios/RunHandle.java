package dev.homestak.scenarios;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A run in progress, started by {@link ScenarioRunner#start}: its id, a way to cancel it, and its report
 * once it is done.
 */
public final class RunHandle {

    private final RunExecution execution;
    private final CompletableFuture<RunReport> report;

    RunHandle(RunExecution execution, CompletableFuture<RunReport> report) {
        this.execution = execution;
        this.report = report;
    }

    /** The run's id (also the PVE tag on the VMs it creates). */
    public String runId() {
        return execution.runId();
    }

    /**
     * Cancels the run (what Ctrl-C does in the CLI). The first call stops the running action promptly
     * (polls stop, SSH connections close, a tool process gets one SIGINT) and then the cleanup policy is
     * applied, each cleanup phase within its own budget. A second call aborts the cleanup as well; the
     * report then lists what could not be cleaned. Returns at once; {@link #await()} for the report.
     */
    public void cancel() {
        cancel("cancel");
    }

    /**
     * {@link #cancel()}, naming what asked for it (e.g. {@code SIGTERM}); the first call's name is the report's
     * {@link RunReport#interruptedBy()}.
     */
    public void cancel(String by) {
        execution.cancel(java.util.Objects.requireNonNull(by, "by"));
    }

    /** True once the run, its cleanup and its reports are done. */
    public boolean isDone() {
        return report.isDone();
    }

    /** The report, when the run is done; completes normally for every outcome. */
    public CompletableFuture<RunReport> report() {
        return report.copy();
    }

    /**
     * Waits for the run to end and returns its report. If the waiting thread is interrupted, the run is
     * cancelled (and cleaned up) first, and the interrupt flag is kept.
     */
    public RunReport await() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return report.get();
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        cancel(); // once: a second cancel would abort the cleanup
                    }
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("run " + runId() + " failed with a bug", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
