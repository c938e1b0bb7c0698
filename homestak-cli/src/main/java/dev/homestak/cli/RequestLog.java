package dev.homestak.cli;

import dev.homestak.core.internal.PyJson;
import dev.homestak.sim.RecordedRequest;
import dev.homestak.sim.Simulator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the simulator's received API requests to a file as JSON Lines ({@code method}, {@code path},
 * {@code params}, {@code status}), polling the simulator's request list every 50 ms and once more on close.
 * Parameters whose name suggests a secret (password, token, key, secret) are masked.
 */
final class RequestLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    private static final Pattern SECRET_NAME =
            Pattern.compile("pass|token|secret|key|cipassword", Pattern.CASE_INSENSITIVE);

    private final Simulator sim;
    private final Optional<BufferedWriter> out;
    private final ScheduledExecutorService poller;
    private int written;

    private RequestLog(Simulator sim, Optional<BufferedWriter> out) {
        this.sim = sim;
        this.out = out;
        this.poller = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("sim-request-log").unstarted(r));
        if (out.isPresent()) {
            poller.scheduleWithFixedDelay(this::flushNew, 50, 50, TimeUnit.MILLISECONDS);
        }
    }

    /** A log writing to {@code file} (appending), or a no-op when there is none or it cannot be opened. */
    static RequestLog open(Simulator sim, Optional<Path> file) {
        Optional<BufferedWriter> out = file.flatMap(f -> {
            try {
                return Optional.of(Files.newBufferedWriter(
                        f, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            } catch (IOException e) {
                log.warn("cannot write the request log {}: {}", f, e.getMessage());
                return Optional.empty();
            }
        });
        return new RequestLog(sim, out);
    }

    private synchronized void flushNew() {
        if (out.isEmpty()) {
            return;
        }
        List<RecordedRequest> all = sim.requestsIncludingNested();
        try {
            for (; written < all.size(); written++) {
                out.get().write(line(all.get(written)));
                out.get().newLine();
            }
            out.get().flush();
        } catch (IOException e) {
            log.warn("request log: {}", e.getMessage());
        }
    }

    /** One request as a JSON line. */
    static String line(RecordedRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ts", Instant.now().toString());
        json.put("method", r.method());
        json.put("path", r.path());
        Map<String, Object> params = new LinkedHashMap<>();
        r.params().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> params.put(
                        e.getKey(),
                        SECRET_NAME.matcher(e.getKey().toLowerCase(Locale.ROOT)).find() ? "***" : e.getValue()));
        json.put("params", params);
        json.put("status", r.status());
        return PyJson.compact(json);
    }

    /** Writes what is left and closes the file. */
    @Override
    public synchronized void close() {
        poller.shutdownNow();
        flushNew();
        out.ifPresent(w -> {
            try {
                w.close();
            } catch (IOException e) {
                log.warn("request log: {}", e.getMessage());
            }
        });
    }
}
