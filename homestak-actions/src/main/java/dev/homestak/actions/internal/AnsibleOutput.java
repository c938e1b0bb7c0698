package dev.homestak.actions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.actions.OutputListener;
import dev.homestak.actions.StreamKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the default stdout callback of {@code ansible-playbook} as it arrives and remembers which task
 * failed on which host and why: {@code TASK [name] ***} starts a task, {@code fatal: [host]: FAILED! =>
 * {json}} (or {@code UNREACHABLE!}) is a failure unless the next line says {@code ...ignoring}. The
 * default callback is used (rather than {@code json}, which needs the ansible.posix collection and
 * prints nothing until the end) so that progress can be shown while the play runs.
 */
public final class AnsibleOutput implements OutputListener {

    private static final Pattern TASK = Pattern.compile("^TASK \\[(.*)] \\**$");
    private static final Pattern FATAL =
            Pattern.compile("^(?:fatal|failed): \\[([^]]+)](?: \\(item=.*\\))?: (FAILED|UNREACHABLE)! => (.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> progress;
    private final List<String> failures = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private String task = "";

    /** A reader reporting each task start to {@code progress}. */
    public AnsibleOutput(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void line(StreamKind stream, String line) {
        String text = line.strip();
        if (text.startsWith("ERROR!") || text.startsWith("[ERROR]")) {
            errors.add(text);
            return;
        }
        if (stream == StreamKind.STDERR) {
            return;
        }
        Matcher taskLine = TASK.matcher(text);
        if (taskLine.matches()) {
            task = taskLine.group(1);
            progress.accept("task: " + task);
            return;
        }
        if (text.equals("...ignoring") && !failures.isEmpty()) {
            failures.removeLast();
            return;
        }
        Matcher fatal = FATAL.matcher(text);
        if (fatal.matches()) {
            String what = fatal.group(2).equals("UNREACHABLE") ? "host unreachable" : "failed";
            failures.add("task '" + task + "' " + what + " on " + fatal.group(1) + ": " + reason(fatal.group(3)));
        }
    }

    /** The failed tasks with their hosts and reasons, else ansible's ERROR lines; empty when neither was seen. */
    public synchronized String failureDetail() {
        if (!failures.isEmpty()) {
            return String.join("; ", failures);
        }
        return String.join(" ", errors);
    }

    private static String reason(String json) {
        try {
            JsonNode result = JSON.readTree(json);
            String msg = result.path("msg").asText("");
            String stderr = result.path("stderr").asText("").strip();
            if (!stderr.isEmpty() && (msg.isEmpty() || msg.equals("non-zero return code"))) {
                return (msg.isEmpty() ? "" : msg + ": ")
                        + stderr.lines().reduce((a, b) -> b).orElse(stderr);
            }
            return msg.isEmpty() ? json : msg;
        } catch (java.io.IOException e) {
            return json.length() <= 300 ? json : json.substring(0, 300) + "...";
        }
    }
}
