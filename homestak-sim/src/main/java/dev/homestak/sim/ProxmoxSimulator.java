package dev.homestak.sim;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@link Simulator} for a JUnit 5 test class and injects into test and lifecycle method
 * parameters of type {@code Simulator} the simulator, of type {@code ProxmoxClient} a client
 * pinned to its certificate (one per simulator, closed with it), and of type
 * {@code dev.homestak.core.HostConfig} its host config named {@code sim}
 * ({@link Simulator#hostConfig(String)}). One simulator serves the whole class unless
 * {@link #perMethod()} is set; it is closed after the class (or method).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ProxmoxSimulatorExtension.class)
public @interface ProxmoxSimulator {

    /** A fresh simulator for every test method instead of one per class. */
    boolean perMethod() default false;

    /** A profile YAML (timing, faults, seed): a classpath resource, else a file path; empty for none. */
    String profile() default "";

    /** The node name. */
    String node() default "pve";
}
