package dev.homestak.sim;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The condition behind {@link RequiresTool}: runs a test whose tools are on {@code PATH}; skips it when one is not
 * (printing, once per tool and test JVM, {@code [homestak] tests skipped: ansible-playbook not on PATH: install …});
 * fails it when the missing tool is listed in {@code HOMESTAK_REQUIRE_TOOLS}.
 */
public final class RequiredTools implements ExecutionCondition {

    /** The environment variable listing the tools that must be there (comma-separated), as CI sets it. */
    public static final String SWITCH = "HOMESTAK_REQUIRE_TOOLS";

    private static final Map<String, String> INSTALL = Map.of(
            "ansible-playbook", "apt-get install ansible-core",
            "ssh-keygen", "apt-get install openssh-client",
            "ssh-agent", "apt-get install openssh-client",
            "ssh-add", "apt-get install openssh-client",
            "script", "apt-get install bsdutils");
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    /** Used by JUnit. */
    public RequiredTools() {}

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> tools = new ArrayList<>();
        context.getElement()
                .flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresTool.class))
                .ifPresent(a -> tools.addAll(Arrays.asList(a.value())));
        for (String tool : tools) {
            if (onPath(tool, System.getenv("PATH")).isEmpty()) {
                return ConditionEvaluationResult.disabled(
                        missing(tool, tool + " not on PATH: install it (" + INSTALL.getOrDefault(tool, tool) + ")"));
            }
        }
        return ConditionEvaluationResult.enabled(
                tools.isEmpty() ? "no external tool" : "on PATH: " + String.join(", ", tools));
    }

    /**
     * For a test that finds its tool itself (a Python module, a collection): returns {@code found}; else skips the
     * test with one line naming {@code install}, or fails it when {@code HOMESTAK_REQUIRE_TOOLS} lists {@code tool}.
     */
    public static <T> T require(String tool, Optional<T> found, String install) {
        if (found.isPresent()) {
            return found.get();
        }
        throw new TestAbortedException(missing(tool, tool + " is not installed: install it (" + install + ")"));
    }

    /**
     * A missing tool: fails when {@code HOMESTAK_REQUIRE_TOOLS} lists it; else says once per test JVM that its
     * tests are skipped, and returns {@code why} for the skip.
     */
    private static String missing(String tool, String why) {
        if (required(System.getenv(SWITCH)).contains(tool)) {
            throw new IllegalStateException(why + "; " + SWITCH + " requires it");
        }
        if (ANNOUNCED.add(tool)) {
            System.out.println("[homestak] tests skipped: " + why + " to run them");
        }
        return why;
    }

    /** The tool names of a {@code HOMESTAK_REQUIRE_TOOLS} value. */
    static Set<String> required(String value) {
        return value == null
                ? Set.of()
                : Set.copyOf(Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList());
    }

    /** Where {@code tool} is on {@code path} (a {@code PATH} value), if it is. */
    static Optional<Path> onPath(String tool, String path) {
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d).resolve(tool))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
