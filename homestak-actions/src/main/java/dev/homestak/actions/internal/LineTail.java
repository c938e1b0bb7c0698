package dev.homestak.actions.internal;

import java.util.ArrayDeque;
import java.util.List;

/** The last N lines of a stream, kept while the stream is read (thread-safe). */
final class LineTail {

    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    LineTail(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
