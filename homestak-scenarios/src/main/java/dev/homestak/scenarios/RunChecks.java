package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks {@link ScenarioRunner} makes before a run's first phase, so that a problem it can know up front is
 * one line and nothing created: each phase's {@link Prechecked} action, the {@code --vm-id} names, and that the
 * report directory and the context file can be written.
 */
final class RunChecks {

    private RunChecks() {}

    /** Every phase that will run (and every cleanup phase the policy may run) finds what it needs. */
    static Either<RunFailure, Boolean> phases(Scenario scenario, RunOptions options, ActionContext ctx) {
        CleanupPolicy policy = options.cleanupFor(scenario);
        List<Phase> phases = new ArrayList<>(scenario.phases());
        if (policy.afterFailure() || policy.afterSuccess()) {
            scenario.cleanup().stream().filter(c -> !phases.contains(c)).forEach(phases::add);
        }
        Set<String> vms = new LinkedHashSet<>();
        boolean anyEnv = false;
        for (Phase p : phases) {
            if (options.skip().contains(p.name()) || !(p.action() instanceof Prechecked checked)) {
                continue;
            }
            anyEnv = true;
            Either<ActionFailure, List<String>> needs = checked.precheck(ctx);
            if (needs.isLeft()) {
                return Either.left(new RunFailure.NotReady(
                        "phase " + p.name() + ": " + needs.getLeft().message()));
            }
            vms.addAll(needs.get());
        }
        return vmIds(options.vmIdOverrides(), vms, anyEnv);
    }

    /** Each {@code --vm-id NAME} names a VM the run works on. */
    private static Either<RunFailure, Boolean> vmIds(Map<String, Integer> overrides, Set<String> vms, boolean anyEnv) {
        for (String name : overrides.keySet().stream().sorted().toList()) {
            if (anyEnv && !vms.contains(name)) {
                return Either.left(new RunFailure.NotReady(
                        "--vm-id names unknown VM '" + name + "' (VMs of this run: " + String.join(", ", vms) + ")"));
            }
        }
        return Either.right(true);
    }

    /** The report directory (created if missing) and the context file can be written. */
    static Either<RunFailure, Boolean> files(Optional<Path> reportDir, RunOptions options) {
        if (reportDir.isPresent()) {
            Optional<String> problem = writableDir(reportDir.get());
            if (problem.isPresent()) {
                return Either.left(new RunFailure.NotReady("report directory " + reportDir.get() + " " + problem.get()
                        + ": make it writable or choose another report directory"));
            }
        }
        if (options.contextFile().isPresent()) {
            Optional<String> problem =
                    contextFileProblem(options.contextFile().get().toAbsolutePath());
            if (problem.isPresent()) {
                return Either.left(new RunFailure.NotReady(
                        "context file " + options.contextFile().get() + " " + problem.get()
                                + ": the facts of the run would be lost; choose another file"));
            }
        }
        return Either.right(true);
    }

    /** Empty when the context file can be written at the end: an existing writable file, or a new one in a writable directory. */
    private static Optional<String> contextFileProblem(Path file) {
        if (Files.isDirectory(file)) {
            return Optional.of("is a directory");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return Optional.of("is not writable");
        }
        Path parent = file.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.of("cannot be written: its directory " + parent + " does not exist");
        }
        return probe(parent).map(p -> "cannot be written: its directory " + p);
    }

    /**
     * Empty when {@code dir} is a writable directory, or could be created (its nearest existing ancestor is a writable
     * directory); else what is wrong. Leaves nothing behind.
     */
    private static Optional<String> writableDir(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        boolean itself = existing.equals(dir.toAbsolutePath());
        if (!Files.isDirectory(existing)) {
            return Optional.of(
                    itself ? "is not a directory" : "cannot be created: " + existing + " is not a directory");
        }
        Path where = existing;
        return probe(existing).map(p -> itself ? p : "cannot be created: " + where + " " + p);
    }

    /**
     * Empty when a file can be made in {@code dir}: tried for real (and removed at once), since permission bits do not
     * tell for root, read-only mounts or {@code /proc}.
     */
    private static Optional<String> probe(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".homestak-check-", ".tmp"));
            return Optional.empty();
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return Optional.of("is not writable");
        }
    }
}
