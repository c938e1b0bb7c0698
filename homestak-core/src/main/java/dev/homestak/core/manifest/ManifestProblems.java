package dev.homestak.core.manifest;

import dev.homestak.core.ConfigFailure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Collects every problem of one manifest, so {@code validate} shows all of them at once, in file order. */
final class ManifestProblems {

    private final List<ConfigFailure> failures = new ArrayList<>();

    /** Records that {@code path} of {@code doc} is wrong: {@code problem} says why and what to do. */
    void invalid(ManifestDoc doc, String path, String problem) {
        failures.add(new ConfigFailure.Invalid(doc.file(), doc.line(path), path, problem));
    }

    /** Records a failure. */
    void add(ConfigFailure failure) {
        failures.add(failure);
    }

    /** True when nothing was recorded. */
    boolean isEmpty() {
        return failures.isEmpty();
    }

    /** The built value when nothing went wrong, else every problem, sorted by file and line. */
    <T> Either<ConfigFailure, T> result(String subject, Supplier<T> build) {
        if (failures.isEmpty()) {
            return Either.right(build.get());
        }
        List<ConfigFailure> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparing(ManifestProblems::file).thenComparingInt(ManifestProblems::line));
        return Either.left(new ConfigFailure.ProblemList(subject, sorted));
    }

    private static String file(ConfigFailure f) {
        return switch (f) {
            case ConfigFailure.Invalid i -> i.file().toString();
            case ConfigFailure.Parse p -> p.file().toString();
            default -> "";
        };
    }

    private static int line(ConfigFailure f) {
        return switch (f) {
            case ConfigFailure.Invalid i -> i.line();
            case ConfigFailure.Parse p -> p.line();
            default -> 0;
        };
    }
}
