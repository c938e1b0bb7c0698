package dev.homestak.actions;

import dev.homestak.proxmox.RetryNotice;
import java.util.Objects;

/**
 * Something an action reports while it runs: a progress line, a line of a tool's output, or a retry of an
 * API call.
 * {@code source} is the scope set by {@link Action#named(String)} (empty at top level).
 */
public sealed interface ActionEvent {

    /** The scope of the action that emitted the event. */
    String source();

    /** The text of the event, without ANSI codes. */
    String text();

    /** A human progress line ("created module.vm[\"test\"]", "SSH not ready on 10.0.12.5: ..."). */
    record Progress(String source, String text) implements ActionEvent {
        /** Validates components. */
        public Progress {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(text, "text");
        }
    }

    /** One line a tool printed on stdout or stderr. */
    record Output(String source, StreamKind stream, String text) implements ActionEvent {
        /** Validates components. */
        public Output {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The Proxmox client is retrying a call after a transient failure (503, 596, a reset connection, a lock
     * timeout): {@code text} is the notice as a line. The notice is the client's value, passed on unchanged.
     */
    record Retry(String source, RetryNotice notice) implements ActionEvent {
        /** Validates components. */
        public Retry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(notice, "notice");
        }

        @Override
        public String text() {
            return notice.toString();
        }
    }
}
