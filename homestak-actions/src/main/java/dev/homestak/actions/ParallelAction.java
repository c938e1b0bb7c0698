package dev.homestak.actions;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * {@link Actions#parallel}: at most {@code maxConcurrency} of {@code actions} at a time, values in the
 * order of the actions. The first failure cancels the others (they stop as under a timeout) and is
 * the result; the call returns only when every started action has ended.
 */
record ParallelAction<T>(int maxConcurrency, List<Action<T>> actions) implements Action<List<T>> {

    ParallelAction {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
        actions = List.copyOf(actions);
    }

    @Override
    public Either<ActionFailure, List<T>> run(ActionContext ctx) {
        List<@Nullable Either<ActionFailure, T>> results = new ArrayList<>();
        actions.forEach(a -> results.add(null));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<@Nullable ActionFailure> firstFailure = new AtomicReference<>();
        try (CancellationToken group = ctx.cancellation().child()) {
            ActionContext shared = ctx.withCancellation(group);
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(maxConcurrency, actions.size()); w++) {
                // a fixed set of workers pulling the next index bounds the concurrency without a semaphore
                workers.add(Thread.ofVirtual().name("parallel-" + w).start(() -> {
                    for (int i = next.getAndIncrement();
                            i < actions.size() && !group.isCancelled();
                            i = next.getAndIncrement()) {
                        Either<ActionFailure, T> r = actions.get(i).run(shared);
                        synchronized (results) {
                            results.set(i, r);
                        }
                        if (r.isLeft() && firstFailure.compareAndSet(null, r.getLeft())) {
                            group.cancel(actions.get(i).describe() + " failed");
                        }
                    }
                }));
            }
            joinAll(workers);
        }
        ActionFailure failure = firstFailure.get();
        if (failure != null) {
            return Either.left(failure);
        }
        if (ctx.cancellation().isCancelled()) {
            return Either.left(new ActionFailure.Cancelled(
                    describe(), ctx.cancellation().reason().orElse("")));
        }
        List<T> values = new ArrayList<>();
        synchronized (results) {
            results.forEach(r -> values.add(java.util.Objects.requireNonNull(r).get()));
        }
        return Either.right(List.copyOf(values));
    }

    private static void joinAll(List<Thread> workers) {
        boolean interrupted = false;
        for (Thread t : workers) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting: returning early would leave the workers running
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String describe() {
        return actions.size() + " actions in parallel";
    }
}
