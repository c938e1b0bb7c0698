package dev.homestak.cli;

import dev.homestak.scenarios.ScenarioRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The scenario registry as the CLI loads it. Finding {@code ScenarioProvider}s means asking every jar on the
 * class path for its service file, and opening ~40 jars costs more than the rest of a listing. The launcher
 * therefore names the jars that can hold providers (homestak's own and {@code HOMESTAK_CLASSPATH_EXTRA}) in
 * {@code -Dhomestak.providers.path}; only those are searched. Without it every jar is, as usual.
 */
final class Registry {

    /** The system property with the provider jars and directories, separated by {@code :}. */
    static final String PROVIDERS_PATH = "homestak.providers.path";

    private Registry() {}

    /** Every scenario of every provider. */
    static ScenarioRegistry load() {
        String path = System.getProperty(PROVIDERS_PATH, "");
        ClassLoader app = Thread.currentThread().getContextClassLoader();
        if (path.isBlank()) {
            return ScenarioRegistry.load(app);
        }
        return ScenarioRegistry.load(new ServiceFiles(app, urls(path)));
    }

    private static URL[] urls(String path) {
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(":")) {
            if (!entry.isBlank()) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException | IllegalArgumentException e) {
                    // not a usable path: it cannot hold providers either
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Loads classes as the application does, but looks for service files in the given entries only. */
    private static final class ServiceFiles extends ClassLoader {
        private final URLClassLoader files;

        ServiceFiles(ClassLoader parent, URL[] entries) {
            super(parent);
            this.files = new URLClassLoader(entries, null);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/services/") ? files.findResources(name) : super.getResources(name);
        }
    }
}
