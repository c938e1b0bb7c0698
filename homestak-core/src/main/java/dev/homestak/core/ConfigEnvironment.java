package dev.homestak.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What site-config discovery and SOPS decryption look at outside the site-config itself: the
 * environment variables, the working directory, the home directory and the system-wide location.
 * Tests inject their own; programs use {@link #system()}.
 *
 * @param variables environment variables ({@code HOMESTAK_SITE_CONFIG}, {@code SOPS_AGE_KEY_FILE}, ...)
 * @param workingDir the directory whose sibling {@code ../site-config} is searched
 * @param home the user's home directory (for {@code ~/.config/sops/age/keys.txt})
 * @param systemDir the last place searched, normally {@link #SYSTEM_SITE_CONFIG}
 */
public record ConfigEnvironment(Map<String, String> variables, Path workingDir, Path home, Path systemDir) {

    /** The system-wide site-config location of the original, searched last. */
    public static final Path SYSTEM_SITE_CONFIG = Path.of("/opt/homestak/site-config");

    /** The environment variable that names the site-config directory explicitly. */
    public static final String SITE_CONFIG_VARIABLE = "HOMESTAK_SITE_CONFIG";

    /** Copies the variables and makes the directories absolute. */
    public ConfigEnvironment {
        variables = Map.copyOf(variables);
        workingDir = workingDir.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        systemDir = systemDir.toAbsolutePath().normalize();
    }

    /** The running process's environment, working directory and home, with the standard system location. */
    public static ConfigEnvironment system() {
        return new ConfigEnvironment(
                System.getenv(), Path.of(""), Path.of(System.getProperty("user.home")), SYSTEM_SITE_CONFIG);
    }

    /** An injected environment with the standard system location. */
    public static ConfigEnvironment of(Map<String, String> variables, Path workingDir, Path home) {
        return new ConfigEnvironment(variables, workingDir, home, SYSTEM_SITE_CONFIG);
    }

    /** The same environment searching {@code dir} instead of {@code /opt/homestak/site-config}. */
    public ConfigEnvironment withSystemDir(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return new ConfigEnvironment(variables, workingDir, home, dir);
    }

    @Override
    public String toString() {
        // variables may hold secrets (SOPS_AGE_KEY); show only their names
        return "ConfigEnvironment[variables=" + new java.util.TreeSet<>(variables.keySet()) + ", workingDir="
                + workingDir + ", home=" + home + ", systemDir=" + systemDir + "]";
    }
}
