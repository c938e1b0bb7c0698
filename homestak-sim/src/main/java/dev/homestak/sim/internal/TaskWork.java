package dev.homestak.sim.internal;

import java.util.Optional;

/** What a task does when it ends: its effect, returning the error text if it fails. */
@FunctionalInterface
interface TaskWork {

    /** Applies the task's effect; the error text when the task fails. Runs under the cluster lock. */
    Optional<String> run();

    /** Undoes what the synchronous part of the call did, when the task fails before its work ran. */
    default void abort() {}

    /** Work that only succeeds. */
    static TaskWork none() {
        return Optional::empty;
    }

    /** Work with an effect and an undo. */
    static TaskWork of(Runnable effect, Runnable undo) {
        return new TaskWork() {
            @Override
            public Optional<String> run() {
                effect.run();
                return Optional.empty();
            }

            @Override
            public void abort() {
                undo.run();
            }
        };
    }
}
