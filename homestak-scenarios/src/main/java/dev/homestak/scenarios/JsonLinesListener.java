package dev.homestak.scenarios;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RunListener} that writes every event as one line of versioned JSON ({@link RunEvent#toJsonLine()})
 * and flushes after each, so that another process can follow the stream. A write error is logged once and
 * further events are dropped: the stream cannot fail a run.
 */
public final class JsonLinesListener implements RunListener {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesListener.class);

    private final Writer out;
    private final AtomicBoolean broken = new AtomicBoolean();

    private JsonLinesListener(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A listener writing to {@code out} (which the caller closes). */
    public static JsonLinesListener to(Writer out) {
        return new JsonLinesListener(out);
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        if (broken.get()) {
            return;
        }
        try {
            out.write(event.toJsonLine());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            broken.set(true);
            log.warn("event stream broken, further events are dropped: {}", e.getMessage());
        }
    }
}
