package dev.homestak.sim;

import dev.homestak.core.HostConfig;
import dev.homestak.proxmox.ProxmoxClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link ProxmoxSimulator}: starts and closes the simulator and
 * injects it, a {@link ProxmoxClient} pinned to its certificate, and its {@link HostConfig}
 * (named {@code sim}).
 */
public final class ProxmoxSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(ProxmoxSimulatorExtension.class);
    private static final String KEY = "simulator";
    /** The name of the injected {@link HostConfig}, as the CLI calls its built-in host. */
    static final String HOST_NAME = "sim";

    /** Creates the extension (JUnit does this). */
    public ProxmoxSimulatorExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        ProxmoxSimulator config = config(context);
        if (!config.perMethod()) {
            context.getStore(NS).put(KEY, new Running(start(config, context)));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ProxmoxSimulator config = config(context);
        if (config.perMethod()) {
            context.getStore(NS).put(KEY, new Running(start(config, context)));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (config(context).perMethod()) {
            close(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Simulator.class || type == ProxmoxClient.class || type == HostConfig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getStore(NS).get(KEY, Running.class);
        if (running == null) {
            throw new ExtensionConfigurationException("no simulator is running here: with perMethod = true it is "
                    + "available in @BeforeEach and test methods, not in @BeforeAll");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == ProxmoxClient.class) {
            return running.client();
        }
        return type == HostConfig.class ? running.sim.hostConfig(HOST_NAME) : running.sim;
    }

    private static void close(ExtensionContext context) {
        Running running = context.getStore(NS).remove(KEY, Running.class);
        if (running != null) {
            running.close();
        }
    }

    /** A started simulator and the client handed out for it (made on first use, closed with it). */
    private static final class Running {
        private final Simulator sim;
        private @Nullable ProxmoxClient client;

        Running(Simulator sim) {
            this.sim = sim;
        }

        synchronized ProxmoxClient client() {
            if (client == null) {
                client = ProxmoxClient.forHost(sim.baseUri(), sim.apiToken(), Optional.of(sim.fingerprintSha256()))
                        .getOrElseThrow(f -> new ExtensionConfigurationException(f.message()));
            }
            return client;
        }

        synchronized void close() {
            if (client != null) {
                client.close();
            }
            sim.close();
        }
    }

    private static ProxmoxSimulator config(ExtensionContext context) {
        // @Nested classes inherit the annotation of the class they are nested in
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            var found = AnnotationSupport.findAnnotation(c, ProxmoxSimulator.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException("@ProxmoxSimulator is missing on "
                + context.getRequiredTestClass().getName());
    }

    private static Simulator start(ProxmoxSimulator config, ExtensionContext context) {
        SimulatorBuilder builder = Simulator.builder().node(config.node());
        if (!config.profile().isEmpty()) {
            builder.profile(profile(config.profile(), context.getRequiredTestClass())
                    .getOrElseThrow(f -> new ExtensionConfigurationException(f.message())));
        }
        return builder.start().getOrElseThrow(f -> new ExtensionConfigurationException(f.message()));
    }

    private static io.vavr.control.Either<SimFailure, SimProfile> profile(String name, Class<?> testClass) {
        try (InputStream in = testClass.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                return SimProfile.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return io.vavr.control.Either.left(new SimFailure.Invalid(name, "cannot read resource: " + e.getMessage()));
        }
        return SimProfile.load(Path.of(name));
    }
}
