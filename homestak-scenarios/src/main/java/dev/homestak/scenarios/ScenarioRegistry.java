package dev.homestak.scenarios;

import dev.homestak.scenarios.spi.ScenarioProvider;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The scenarios by name: the built-in ones and those of every {@link ScenarioProvider} on the class path.
 * Immutable.
 */
public final class ScenarioRegistry {

    private final Map<String, Scenario> byName;

    private ScenarioRegistry(Map<String, Scenario> byName) {
        this.byName = byName;
    }

    /** Every scenario of every {@link ScenarioProvider} found by {@link ServiceLoader} (built-ins included). */
    public static ScenarioRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /** Every scenario of every provider visible to {@code loader}. */
    public static ScenarioRegistry load(ClassLoader loader) {
        List<Scenario> all = new ArrayList<>();
        for (ScenarioProvider p : ServiceLoader.load(ScenarioProvider.class, loader)) {
            all.addAll(p.scenarios());
        }
        return of(all);
    }

    /** A registry of exactly these scenarios. */
    public static ScenarioRegistry of(Collection<Scenario> scenarios) {
        Map<String, Scenario> map = new TreeMap<>();
        for (Scenario s : scenarios) {
            Scenario clash = map.putIfAbsent(s.name(), Objects.requireNonNull(s, "scenario"));
            if (clash != null) {
                // two jars defining the same name is a packaging bug, not a user error
                throw new IllegalStateException("two scenarios are named " + s.name());
            }
        }
        return new ScenarioRegistry(map);
    }

    /** The scenario with that name, or the original's error listing the available ones. */
    public Either<RunFailure, Scenario> find(String name) {
        Scenario s = byName.get(name);
        return s != null ? Either.right(s) : Either.left(new RunFailure.UnknownScenario(name, names()));
    }

    /** All names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** All scenarios, sorted by name. */
    public List<Scenario> all() {
        return List.copyOf(byName.values());
    }
}
