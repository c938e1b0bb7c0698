package dev.homestak.sim;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A simulator profile: timing model, fault rules and seed, as read from a YAML file (the format is
 * in the module README). Everything is optional; what is absent keeps the builder's value.
 *
 * @param timing  the timing model, when the file has a {@code timing:} section
 * @param faults  fault rules from the {@code faults:} list
 * @param seed    the {@code seed:} of rate-based faults
 * @param innerNonRoutable {@code inner_non_routable:}, see {@link SimulatorBuilder#innerNonRoutable}
 */
public record SimProfile(
        Optional<Timing> timing, List<FaultRule> faults, OptionalLong seed, Optional<Boolean> innerNonRoutable) {

    /** Validates and copies. */
    public SimProfile {
        Objects.requireNonNull(timing, "timing");
        faults = List.copyOf(faults);
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(innerNonRoutable, "innerNonRoutable");
    }

    /** A profile that leaves {@code inner_non_routable} as the builder has it. */
    public SimProfile(Optional<Timing> timing, List<FaultRule> faults, OptionalLong seed) {
        this(timing, faults, seed, Optional.empty());
    }

    /** Reads a profile file; a one-line failure names the file and the key at fault. */
    public static Either<SimFailure, SimProfile> load(Path file) {
        return ProfileReader.read(file);
    }

    /** Reads a profile from YAML text; {@code source} names it in failures. */
    public static Either<SimFailure, SimProfile> parse(String source, String yaml) {
        return ProfileReader.parse(source, yaml);
    }
}
