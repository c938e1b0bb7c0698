package dev.homestak.manifests;

import dev.homestak.scenarios.RunHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A verb in progress ({@link ManifestRunner#start}): cancel it (Ctrl-C) and wait for its result. */
public final class ManifestHandle {

    private final RunHandle run;
    private final CompletableFuture<ManifestResult> result;

    ManifestHandle(RunHandle run, CompletableFuture<ManifestResult> result) {
        this.run = run;
        this.result = result;
    }

    /** The run id. */
    public String runId() {
        return run.runId();
    }

    /** As {@link RunHandle#cancel()}: the first stops the running steps and applies the cleanup policy. */
    public void cancel() {
        run.cancel();
    }

    /** As {@link RunHandle#cancel(String)}: {@code by} (a signal's name, {@code SIGTERM}) goes into the report. */
    public void cancel(String by) {
        run.cancel(by);
    }

    /** Waits for the result (state written, lock released); interrupting the wait cancels the run once. */
    public ManifestResult await() {
        run.await();
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("manifest run " + runId() + " failed with a bug", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
