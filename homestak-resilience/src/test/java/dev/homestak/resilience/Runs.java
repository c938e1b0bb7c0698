package dev.homestak.resilience;

import dev.homestak.scenarios.JsonLinesListener;
import dev.homestak.scenarios.RunEvent;
import dev.homestak.scenarios.RunHandle;
import dev.homestak.scenarios.RunListener;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunReport;
import dev.homestak.scenarios.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a scenario on a {@link SimSite}, keeping its events in memory and as JSON lines in the run's directory. */
final class Runs {

    /** One finished run: its report and every event it sent. */
    record Finished(RunReport report, List<RunEvent> events) {}

    private Runs() {}

    /** Runs to the end; reports and {@code events.jsonl} go to {@code dir}. */
    static Finished run(SimSite site, Path dir, Scenario scenario, RunOptions options) {
        return start(site, dir, scenario, options, e -> {}, h -> {});
    }

    /**
     * Starts a run, hands its handle to {@code control} (which may cancel it) and waits for its report;
     * {@code watch} sees each event as it is sent.
     */
    static Finished start(
            SimSite site,
            Path dir,
            Scenario scenario,
            RunOptions options,
            Consumer<RunEvent> watch,
            Consumer<RunHandle> control) {
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (Writer jsonl = Files.newBufferedWriter(Files.createDirectories(dir).resolve("events.jsonl"))) {
            RunListener keep = e -> {
                events.add(e);
                watch.accept(e);
            };
            RunHandle handle = site.runner(dir.resolve("reports"), keep, JsonLinesListener.to(jsonl))
                    .start(scenario, options)
                    .getOrElseThrow(f -> new AssertionError(f.message()));
            control.accept(handle);
            RunReport report = handle.report().get(120, TimeUnit.SECONDS);
            return new Finished(report, List.copyOf(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("run of " + scenario.name() + " did not finish: " + e, e);
        }
    }
}
