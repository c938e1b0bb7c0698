package dev.homestak.sim;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools that some tests drive (proxmoxer, Ansible): a missing tool skips the test with one visible
 * line, unless the comma-separated environment variable {@code HOMESTAK_REQUIRE_TOOLS} names it, in which case
 * the test fails (CI sets it, so a missing package cannot pass unnoticed).
 */
final class RequiredTools {

    /** The environment variable listing the tools that must be present. */
    static final String VARIABLE = "HOMESTAK_REQUIRE_TOOLS";

    private RequiredTools() {}

    /** Returns the tool's location when found; else skips or (when required) fails, naming how to install it. */
    static String require(String tool, Optional<String> found, String install) {
        if (found.isPresent()) {
            return found.get();
        }
        String line = tool + " is not installed (" + install + ")";
        if (required(tool)) {
            Assertions.fail(line + " but " + VARIABLE + " requires it");
        }
        System.err.println("SKIPPED: " + line);
        Assumptions.abort(line);
        throw new AssertionError("unreachable");
    }

    static boolean required(String tool) {
        return required(tool, Optional.ofNullable(System.getenv(VARIABLE)).orElse(""));
    }

    /** Whether the comma-separated {@code list} names {@code tool} (blanks around names ignored). */
    static boolean required(String tool, String list) {
        return Arrays.stream(list.split(",")).map(String::strip).anyMatch(tool::equals);
    }
}
