/**
 * Extension points: a {@link dev.homestak.scenarios.spi.ScenarioProvider} in a user's jar adds scenarios to the
 * registry through {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.homestak.scenarios.spi;

import org.jspecify.annotations.NullMarked;
