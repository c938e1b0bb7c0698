package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import io.vavr.control.Either;
import java.util.List;

/**
 * An action that can say, before a run starts, whether the site-config holds what it will need (env, node,
 * templates, presets, image names). {@link ScenarioRunner} asks every phase's action that implements it before the
 * first phase runs, so a config error stops the run with nothing created ({@link RunFailure.NotReady}) instead of
 * failing a phase and then every cleanup phase.
 */
public interface Prechecked {

    /**
     * Resolves what the action will need against {@code ctx} (the run's host config and start facts; no phase has
     * run): the names of the VMs it will work on, or a one-line failure naming the file or key to fix. Reads
     * configuration only; never touches a host.
     */
    Either<ActionFailure, List<String>> precheck(ActionContext ctx);
}
