package dev.homestak.scenarios;

import dev.homestak.core.Facts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to run a scenario once: phases to skip, a time limit, dry-run, cleanup policy, facts to start from,
 * a context file and VM id overrides. Build with {@link #builder()}; {@link #defaults()} runs everything.
 *
 * @param skip phase names to skip ({@code --skip}); each must be a phase of the scenario
 * @param timeout limit for the whole run except cleanup ({@code --timeout}); the running phase is cancelled
 * @param dryRun show what would run, touch nothing, write no files ({@code --dry-run})
 * @param cleanup the cleanup policy; empty means the scenario's default
 * @param cleanupBudget time limit of each cleanup phase that has none of its own
 * @param initialFacts facts to start from ({@code --inner-ip}, {@code --vm-ip}, ...); they win over the context file
 * @param contextFile read before the run if it exists, written after it, pass or fail ({@code --context-file})
 * @param vmIdOverrides VM name to VM id ({@code --vm-id NAME=VMID}), given to actions as {@code ctx.run().vmIdOverrides()}
 * @param env the env to deploy instead of the scenario's ({@code --env}), given to actions as {@code ctx.run().env()}
 */
public record RunOptions(
        Set<String> skip,
        Optional<Duration> timeout,
        boolean dryRun,
        Optional<CleanupPolicy> cleanup,
        Duration cleanupBudget,
        Facts initialFacts,
        Optional<Path> contextFile,
        Map<String, Integer> vmIdOverrides,
        Optional<String> env) {

    /** Default time limit of one cleanup phase. */
    public static final Duration DEFAULT_CLEANUP_BUDGET = Duration.ofMinutes(10);

    /** Validates components and copies collections. */
    public RunOptions {
        skip = Set.copyOf(skip);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(cleanupBudget, "cleanupBudget");
        Objects.requireNonNull(initialFacts, "initialFacts");
        Objects.requireNonNull(contextFile, "contextFile");
        vmIdOverrides = Map.copyOf(vmIdOverrides);
        Objects.requireNonNull(env, "env");
        timeout.ifPresent(t -> requirePositive(t, "timeout"));
        requirePositive(cleanupBudget, "cleanupBudget");
    }

    /** Run every phase, no limit, the scenario's cleanup policy. */
    public static RunOptions defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cleanup policy in effect for {@code scenario}. */
    public CleanupPolicy cleanupFor(Scenario scenario) {
        return cleanup.orElse(scenario.attributes().defaultCleanup());
    }

    private static void requirePositive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    /** Builds {@link RunOptions}; the only mutable type here. */
    public static final class Builder {
        private final Set<String> skip = new LinkedHashSet<>();
        private Optional<Duration> timeout = Optional.empty();
        private boolean dryRun;
        private Optional<CleanupPolicy> cleanup = Optional.empty();
        private Duration cleanupBudget = DEFAULT_CLEANUP_BUDGET;
        private Facts initialFacts = Facts.empty();
        private Optional<Path> contextFile = Optional.empty();
        private final Map<String, Integer> vmIdOverrides = new LinkedHashMap<>();
        private Optional<String> env = Optional.empty();

        private Builder() {}

        /** Deploys the env {@code value} instead of the scenario's ({@code --env}). */
        public Builder env(String value) {
            env = Optional.of(Objects.requireNonNull(value, "env"));
            return this;
        }

        /** Adds phases to skip. */
        public Builder skip(String... phases) {
            for (String p : phases) {
                skip.add(Objects.requireNonNull(p, "phase"));
            }
            return this;
        }

        /** Limits the run (cleanup excluded). */
        public Builder timeout(Duration value) {
            timeout = Optional.of(value);
            return this;
        }

        /** Turns dry-run on or off. */
        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        /** Chooses the cleanup policy. */
        public Builder cleanup(CleanupPolicy value) {
            cleanup = Optional.of(value);
            return this;
        }

        /** Sets the time limit of each cleanup phase that has none of its own. */
        public Builder cleanupBudget(Duration value) {
            cleanupBudget = Objects.requireNonNull(value, "cleanupBudget");
            return this;
        }

        /** Sets the facts to start from. */
        public Builder initialFacts(Facts value) {
            initialFacts = Objects.requireNonNull(value, "initialFacts");
            return this;
        }

        /** Sets the context file. */
        public Builder contextFile(Path value) {
            contextFile = Optional.of(value);
            return this;
        }

        /** Overrides the id of one VM. */
        public Builder vmId(String vmName, int vmId) {
            vmIdOverrides.put(Objects.requireNonNull(vmName, "vmName"), vmId);
            return this;
        }

        /** The options. */
        public RunOptions build() {
            return new RunOptions(
                    skip, timeout, dryRun, cleanup, cleanupBudget, initialFacts, contextFile, vmIdOverrides, env);
        }
    }
}
