package dev.homestak.actions;

import io.vavr.control.Either;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A process runner that records each command and then really runs it. */
final class RecordingRunner implements ProcessRunner {

    private final ProcessRunner delegate;
    private final List<ProcessCommand> commands = new CopyOnWriteArrayList<>();

    RecordingRunner(ProcessRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public Either<ActionFailure, ProcessResult> run(
            ProcessCommand command, CancellationToken cancel, OutputListener output) {
        commands.add(command);
        return delegate.run(command, cancel, output);
    }

    List<ProcessCommand> commands() {
        return List.copyOf(commands);
    }
}
