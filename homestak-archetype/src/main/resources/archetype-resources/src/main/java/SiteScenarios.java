package ${package};

import dev.homestak.actions.ActionFailure;
import dev.homestak.core.RetryPolicy;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.scenarios.Phase;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioAttributes;
import dev.homestak.scenarios.spi.ScenarioProvider;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The scenarios of the ${siteName} site. Listed in
 * {@code META-INF/services/dev.homestak.scenarios.spi.ScenarioProvider}, so homestak's
 * {@code ScenarioRegistry} (and the CLI) find them next to the built-in ones.
 */
public final class SiteScenarios implements ScenarioProvider {

    /** Checks that site-config matches the node: API and token, node online, datastore usable. */
    public static final String PREFLIGHT = "site-preflight";

    // a node that is still booting answers after a few seconds; a wrong token or certificate never will
    private static final RetryPolicy API_RETRY = RetryPolicy.builder().maxAttempts(3)
            .backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)).build();
    private static final Predicate<ActionFailure> UNREACHABLE = f -> f instanceof ActionFailure.Api api
            && (api.cause() instanceof ProxmoxFailure.Transport || api.cause() instanceof ProxmoxFailure.Transient);

    /** Creates the provider ({@code ServiceLoader} needs a public no-argument constructor). */
    public SiteScenarios() {
    }

    @Override
    public List<Scenario> scenarios() {
        return List.of(preflight());
    }

    static Scenario preflight() {
        Phase api = Phase.of("pve_api", "Check the PVE API and token",
                new PveApiCheckAction().retry(API_RETRY, UNREACHABLE).named("pve_api"));
        Phase datastore = Phase.of("datastore", "Check the node's datastore", new DatastoreCheckAction())
                .withTimeout(Duration.ofSeconds(60));
        return Scenario.of(PREFLIGHT, "Check that site-config matches the PVE node (API, token, datastore)",
                        List.of(api, datastore))
                .withAttributes(ScenarioAttributes.defaults()
                        .withExpectedRuntime(Duration.ofSeconds(5)));
    }
}
