package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a scenario: a name ({@code provision}), the description the reports show
 * ({@code Provision test VM}) and the action that does the work.
 *
 * @param name the phase name, unique within its scenario; what {@code --skip} matches
 * @param description the human description
 * @param action the action run for the phase
 * @param timeout the phase's own time limit; a cleanup phase without one gets the run's cleanup budget
 */
public record Phase(String name, String description, Action<ActionResult> action, Optional<Duration> timeout) {

    /** Validates components. */
    public Phase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timeout, "timeout");
        if (name.isBlank() || !name.equals(name.strip())) {
            throw new IllegalArgumentException(
                    "phase name must be non-blank without surrounding spaces: '" + name + "'");
        }
        timeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout of phase " + name + " must be positive");
            }
        });
    }

    /** A phase without a time limit of its own. */
    public static Phase of(String name, String description, Action<ActionResult> action) {
        return new Phase(name, description, action, Optional.empty());
    }

    /** This phase with a time limit. */
    public Phase withTimeout(Duration limit) {
        return new Phase(name, description, action, Optional.of(limit));
    }

    /**
     * What dry-run shows for the action: its record form with all parameters (secrets print as {@code ***}),
     * or its description for other actions.
     */
    public String actionDetails() {
        return action instanceof Record ? action.toString() : action.describe();
    }
}
