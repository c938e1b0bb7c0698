package dev.homestak.sim;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test (class or method) that runs an external tool ({@code ansible-playbook}, {@code ssh-keygen}).
 * Without the tool on {@code PATH} the test is skipped, and the build output says once per tool what to install;
 * when the environment variable {@code HOMESTAK_REQUIRE_TOOLS} (comma-separated tool names) lists it, a missing tool
 * fails the test instead, so CI runs everything ({@link RequiredTools}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiredTools.class)
public @interface RequiresTool {

    /** The executables the test runs, by name as on {@code PATH}. */
    String[] value();
}
