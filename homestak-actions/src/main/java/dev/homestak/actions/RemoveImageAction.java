package dev.homestak.actions;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;

/**
 * Removes a file from a node's storage [RemoveImageAction] ({@code DELETE .../content/<volid>},
 * awaiting the task when PVE runs one). An absent file is a success ({@code <volid> not present})
 * unless {@code failIfMissing}. Writes no facts.
 *
 * @param filename      the file name ({@code debian-12.qcow2})
 * @param storage       file storage ({@code local})
 * @param content       {@code import} or {@code iso}
 * @param target        the host's node, or the nested PVE
 * @param failIfMissing an absent file is a failure (false)
 */
public record RemoveImageAction(
        String filename, String storage, String content, PveTarget target, boolean failIfMissing)
        implements Action<ActionResult> {

    private static final Duration TASK_LIMIT = Duration.ofSeconds(60);

    /** Validates components. */
    public RemoveImageAction {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(target, "target");
    }

    /** Removes {@code local:import/<filename>} on the host's node; absent is fine. */
    public static RemoveImageAction of(String filename) {
        return new RemoveImageAction(filename, "local", "import", PveTarget.host(), false);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        String volid = Images.volid(storage, content, filename);
        return Pve.resolve(ctx, target)
                .flatMap(node -> Images.exists(ctx, node, storage, content, filename)
                        .flatMap(present -> {
                            if (!present) {
                                return failIfMissing
                                        ? Either.left(new ActionFailure.Precondition(
                                                volid + " does not exist on " + node.node()))
                                        : Either.right(ActionResult.of(volid + " not present"));
                            }
                            String what = "removing " + volid;
                            Either<ActionFailure, String> removed = Pve.call(
                                            ctx,
                                            what,
                                            () -> node.api().storage(storage).deleteContent(volid))
                                    .flatMap(task -> task.isEmpty()
                                            ? Either.right("done")
                                            : Pve.await(ctx, what, task.get(), TASK_LIMIT)
                                                    .map(done -> "done"));
                            return removed.map(done -> ActionResult.of("Removed " + volid));
                        }));
    }

    @Override
    public String describe() {
        return "remove image " + filename;
    }
}
