package dev.homestak.actions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.actions.OutputListener;
import dev.homestak.actions.StreamKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON-lines UI stream of {@code tofu apply|destroy -json} as it arrives: resource
 * completions and the change summary become progress lines, error diagnostics are collected for the
 * failure message. Unknown message types are ignored and non-JSON lines kept as raw text, as the
 * stream's contract asks (a tool error before the command starts prints plain text even under -json).
 */
public final class TofuJsonStream implements OutputListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");

    private final Consumer<String> progress;
    private final List<String> errors = new ArrayList<>();
    private final List<String> raw = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();

    /** A parser that reports progress lines to {@code progress}. */
    public TofuJsonStream(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void line(StreamKind stream, String line) {
        String text = clean(line);
        if (text.isBlank()) {
            return;
        }
        if (stream == StreamKind.STDERR) {
            stderr.add(text);
            return;
        }
        JsonNode node = parse(line);
        if (node == null || !node.has("type")) {
            raw.add(text);
            return;
        }
        String message = clean(node.path("@message").asText(""));
        switch (node.path("type").asText()) {
            case "apply_complete", "apply_errored", "change_summary" -> progress.accept(message);
            case "diagnostic" -> diagnostic(node.path("diagnostic"));
            case "version" -> checkVersion(node);
            default -> {}
        }
    }

    private void diagnostic(JsonNode d) {
        String summary = clean(d.path("summary").asText(""));
        String detail =
                clean(d.path("detail").asText("")).replaceAll("\\s+", " ").strip();
        String address = d.path("address").asText("");
        String text =
                summary + (detail.isEmpty() ? "" : ": " + detail) + (address.isEmpty() ? "" : " (" + address + ")");
        if ("error".equals(d.path("severity").asText())) {
            errors.add(text);
        } else {
            progress.accept("warning: " + text);
        }
    }

    private void checkVersion(JsonNode node) {
        String ui = node.path("ui").asText("1.0");
        if (!ui.startsWith("1.")) {
            progress.accept("warning: unknown tofu JSON UI version " + ui + "; output may be misread");
        }
    }

    /**
     * The readable reason of a failed command: the error diagnostics, else plain stdout text, else
     * the end of stderr.
     */
    public synchronized String failureDetail() {
        if (!errors.isEmpty()) {
            return String.join("; ", errors);
        }
        List<String> source = raw.isEmpty() ? stderr : raw;
        return boxless(source.subList(Math.max(0, source.size() - 10), source.size()));
    }

    /** tofu's human error boxes ("╷", "│ Error: ...", "╵") reduced to their text, on one line. */
    public static String boxless(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String t = clean(line).replaceFirst("^[│╷╵]\\s*", "").strip();
            if (!t.isEmpty() && !t.equals("╷") && !t.equals("╵")) {
                kept.add(t);
            }
        }
        return String.join(" ", kept);
    }

    private static String clean(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    private static @Nullable JsonNode parse(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
