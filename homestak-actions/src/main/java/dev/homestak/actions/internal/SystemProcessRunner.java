package dev.homestak.actions.internal;

import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.CancellationToken;
import dev.homestak.actions.OutputListener;
import dev.homestak.actions.ProcessCommand;
import dev.homestak.actions.ProcessResult;
import dev.homestak.actions.ProcessRunner;
import dev.homestak.actions.StreamKind;
import io.vavr.control.Either;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ProcessRunner} for real processes: pipes read line by line, deadline, one SIGINT, tree kill. */
public final class SystemProcessRunner implements ProcessRunner {

    private static final Logger log = LoggerFactory.getLogger(SystemProcessRunner.class);
    private static final int TAIL_LINES = 50;

    private final Map<String, String> environment;

    /** A runner adding {@code environment} to the JVM's environment for every command. */
    public SystemProcessRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Either<ActionFailure, ProcessResult> run(
            ProcessCommand command, CancellationToken cancel, OutputListener output) {
        if (cancel.isCancelled()) {
            return Either.left(
                    new ActionFailure.Cancelled(quote(command), cancel.reason().orElse("")));
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(environment);
        env.putAll(command.env());
        Optional<String> program = resolve(command.argv().getFirst(), env.getOrDefault("PATH", ""));
        if (program.isEmpty()) {
            return Either.left(
                    new ActionFailure.Precondition("'" + command.argv().getFirst() + "' not found on PATH ("
                            + env.getOrDefault("PATH", "") + "): install it or add its directory to PATH"));
        }
        List<String> argv = new ArrayList<>(command.argv());
        argv.set(0, program.get());
        ProcessBuilder builder =
                new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        command.directory().ifPresent(dir -> builder.directory(dir.toFile()));
        log.debug("Running: {}", command.display());
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Either.left(
                    new ActionFailure.Precondition("cannot start " + quote(command) + ": " + e.getMessage()));
        }
        return supervise(process, command, cancel, output, started);
    }

    private Either<ActionFailure, ProcessResult> supervise(
            Process process, ProcessCommand command, CancellationToken cancel, OutputListener output, long started) {
        LineTail out = new LineTail(TAIL_LINES);
        LineTail err = new LineTail(TAIL_LINES);
        Thread outReader = reader(process.getInputStream(), StreamKind.STDOUT, out, output);
        Thread errReader = reader(process.getErrorStream(), StreamKind.STDERR, err, output);
        CompletableFuture<Object> cancelled = new CompletableFuture<>();
        Outcome outcome;
        try (CancellationToken.Registration ignored = cancel.onCancel(() -> cancelled.complete(Boolean.TRUE))) {
            outcome = await(process, cancelled, command.timeout());
        }
        if (outcome != Outcome.EXITED) {
            ProcessTree.stop(process, command.grace());
        }
        join(outReader);
        join(errReader);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return switch (outcome) {
            case EXITED ->
                Either.right(new ProcessResult(command.display(), process.exitValue(), took, out.lines(), err.lines()));
            case TIMED_OUT -> Either.left(ActionFailure.Timeout.of("running " + quote(command), command.timeout()));
            case CANCELLED ->
                Either.left(new ActionFailure.Cancelled(
                        quote(command), cancel.reason().orElse("interrupted")));
        };
    }

    private static Outcome await(Process process, CompletableFuture<Object> cancelled, Duration timeout) {
        try {
            Object first =
                    CompletableFuture.anyOf(process.onExit(), cancelled).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return first instanceof Process ? Outcome.EXITED : Outcome.CANCELLED;
        } catch (TimeoutException e) {
            return process.isAlive() ? Outcome.TIMED_OUT : Outcome.EXITED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.CANCELLED;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for a process failed", e);
        }
    }

    private static Thread reader(InputStream stream, StreamKind kind, LineTail tail, OutputListener output) {
        return Thread.ofVirtual()
                .name("process-" + kind.name().toLowerCase(java.util.Locale.ROOT))
                .start(() -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            tail.add(line);
                            output.line(kind, line);
                        }
                    } catch (IOException e) {
                        // the pipe closes when the process tree is killed; what was read so far is kept
                        log.debug("{} reader stopped: {}", kind, e.getMessage());
                    }
                });
    }

    private static void join(Thread reader) {
        try {
            if (!reader.join(Duration.ofSeconds(5))) {
                log.warn("output reader still busy 5s after the process ended; a detached child may hold the pipe");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Finds a bare program name on the child's PATH (ProcessBuilder would search the JVM's PATH). */
    static Optional<String> resolve(String program, String path) {
        if (program.contains("/")) {
            return Optional.of(program);
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static String quote(ProcessCommand command) {
        List<String> argv = command.argv();
        String shown = argv.size() > 1 ? argv.get(0) + " " + argv.get(1) : argv.get(0);
        return "'" + shown + "'";
    }

    private enum Outcome {
        EXITED,
        TIMED_OUT,
        CANCELLED
    }
}
