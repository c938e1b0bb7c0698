/**
 * The ${siteName} site: its custom scenarios (registered with homestak through {@code ServiceLoader}) and
 * a {@code main} that runs them against a node of {@code site-config/}.
 */
@org.jspecify.annotations.NullMarked
package ${package};
