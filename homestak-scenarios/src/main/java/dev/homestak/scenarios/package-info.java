/**
 * Scenarios, phases and the {@link dev.homestak.scenarios.ScenarioRunner} that runs them: the embedding API of
 * homestak, with the run model ({@link dev.homestak.scenarios.RunReport}, {@link dev.homestak.scenarios.PhaseResult},
 * {@link dev.homestak.scenarios.RunEvent}) and the reports written for every run (JSON, Markdown, JUnit XML).
 */
@NullMarked
package dev.homestak.scenarios;

import org.jspecify.annotations.NullMarked;
