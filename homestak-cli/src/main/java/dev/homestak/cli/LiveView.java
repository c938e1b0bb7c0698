package dev.homestak.cli;

import dev.homestak.scenarios.RunEvent;
import dev.homestak.scenarios.RunListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Progress on a terminal: one live line per phase, redrawn in place with a spinner, the elapsed time and
 * the action's latest progress ({@code ⠹ wait_ip  VM 99901: waiting for guest agent… 12s}); when the phase
 * ends the line is replaced by its result. Redrawing uses only carriage returns and padding; colour (for
 * the result marks) only when allowed, so {@code NO_COLOR} gets no escape codes at all.
 */
final class LiveView implements RunListener, AutoCloseable {

    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    private static final long TICK_MS = 100;

    private final PrintWriter out;
    private final boolean color;
    private final boolean verbose;
    private final int width;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private @Nullable String phase;
    private String latest = "";
    private Instant phaseStart = Instant.EPOCH;
    private int frame;
    private int drawn;

    LiveView(PrintWriter out, boolean color, boolean verbose, int width, Clock clock) {
        this.out = out;
        this.color = color;
        this.verbose = verbose;
        this.width = Math.max(40, width);
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("homestak-spinner").unstarted(r));
        ticker.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        switch (event) {
            case RunEvent.RunStarted e ->
                println("homestak: " + e.scenario() + " on " + e.host() + (e.dryRun() ? " (dry run)" : "") + ", run "
                        + e.runId());
            case RunEvent.PhaseStarted e -> {
                phase = e.phase() + (e.cleanup() ? " (cleanup)" : "");
                latest = e.description();
                phaseStart = clock.instant();
                redraw();
            }
            case RunEvent.Progress e -> {
                latest = e.line();
                redraw();
            }
            case RunEvent.Retry e -> {
                latest = e.line();
                redraw();
            }
            case RunEvent.ToolOutput e -> {
                if (verbose) {
                    println("    " + e.phase() + " [" + e.stream() + "] " + e.line());
                }
            }
            case RunEvent.PhasePassed e -> finish(mark('✓', "32"), e.phase(), e.message(), e.duration());
            case RunEvent.PhaseFailed e -> finish(mark('✗', "31"), e.phase(), e.message(), e.duration());
            case RunEvent.PhaseSkipped e -> finish(mark('-', "2"), e.phase(), "skipped: " + e.reason(), Duration.ZERO);
            case RunEvent.RunFinished e -> phase = null;
        }
    }

    private void finish(String mark, String name, String message, Duration took) {
        phase = null;
        String time = took.isZero() ? "" : "  " + PlainLog.seconds(took);
        clear();
        int room = width - name.length() - time.length() - 6;
        out.println(mark + " " + name + "  " + TerminalText.fit(TerminalText.clean(message), room) + time);
        out.flush();
    }

    private synchronized void tick() {
        if (phase != null) {
            frame = (frame + 1) % SPINNER.length();
            redraw();
        }
    }

    private void redraw() {
        if (phase == null) {
            return;
        }
        String elapsed = " " + Duration.between(phaseStart, clock.instant()).toSeconds() + "s";
        String head = SPINNER.charAt(frame) + " " + phase + "  ";
        String line = head
                + TerminalText.fit(TerminalText.clean(latest), width - head.length() - elapsed.length() - 1)
                + elapsed;
        out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        out.flush();
        drawn = line.length();
    }

    /** Prints a whole line above the live one, then draws the live line again. */
    private void println(String text) {
        clear();
        out.println(TerminalText.clean(text));
        redraw();
    }

    private void clear() {
        if (drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }

    private String mark(char c, String sgr) {
        return color ? "\u001B[" + sgr + "m" + c + "\u001B[0m" : String.valueOf(c);
    }

    /** Stops the spinner and leaves the cursor on a fresh line. */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        clear();
        out.flush();
    }
}
