package dev.homestak.actions;

import dev.homestak.actions.internal.AnsibleOutput;
import dev.homestak.actions.internal.TfvarsFile;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Ansible actions share: the command line ({@code ansible-playbook -i <inventory> <playbook>
 * [-e k=v ...] [-e <json>]} in the ansible directory), an environment that keeps the output parseable,
 * and the failure message naming the failed task and host.
 */
final class Ansible {

    private Ansible() {}

    /**
     * Runs the playbook. {@code plainVars} are passed as {@code -e k=v} (the original's form, for
     * {@code ansible_host} and {@code ansible_user}); {@code extraVars} as one {@code -e <json>} so that
     * numbers, booleans, lists and maps keep their types; extra vars holding a secret go through a
     * private {@code -e @file} instead, so the secret is not on the command line.
     */
    static Either<ActionFailure, ProcessResult> play(
            ActionContext ctx,
            Path dir,
            String inventory,
            String playbook,
            Map<String, String> plainVars,
            Map<String, Object> extraVars,
            Duration timeout) {
        if (!Files.isDirectory(dir)) {
            return Either.left(new ActionFailure.Precondition("Ansible directory not found: " + dir));
        }
        @org.jspecify.annotations.Nullable Path varsFile = null;
        try {
            List<String> argv = new ArrayList<>(List.of("ansible-playbook", "-i", inventory, playbook));
            plainVars.forEach((k, v) -> argv.addAll(List.of("-e", k + "=" + v)));
            if (TfvarsFile.containsSecret(extraVars)) {
                varsFile = TfvarsFile.write("ansible-vars-", extraVars);
                argv.addAll(List.of("-e", "@" + varsFile));
            } else if (!extraVars.isEmpty()) {
                argv.addAll(List.of("-e", TfvarsFile.inline(extraVars)));
            }
            return run(ctx, dir, argv, playbook, timeout);
        } catch (IOException e) {
            return Either.left(new ActionFailure.Precondition("cannot write the extra vars file: " + e.getMessage()));
        } finally {
            deleteQuietly(varsFile);
        }
    }

    private static Either<ActionFailure, ProcessResult> run(
            ActionContext ctx, Path dir, List<String> argv, String playbook, Duration timeout) {
        // the default callback without colours is what AnsibleOutput reads, whatever the user's ansible.cfg says
        ProcessCommand cmd = ProcessCommand.builder(argv)
                .directory(dir)
                .timeout(timeout)
                .env("ANSIBLE_STDOUT_CALLBACK", "default")
                .env("ANSIBLE_NOCOLOR", "1")
                .env("ANSIBLE_FORCE_COLOR", "0")
                .env("ANSIBLE_RETRY_FILES_ENABLED", "0")
                .env("PYTHONUNBUFFERED", "1")
                .build();
        AnsibleOutput output = new AnsibleOutput(ctx::progress);
        return ctx.processes()
                .run(cmd, ctx.cancellation(), output.andThen(ctx.outputEvents()))
                .flatMap(r -> {
                    if (r.succeeded()) {
                        return Either.right(r);
                    }
                    String detail = output.failureDetail();
                    // the original's fallback: the end of stderr (or stdout), 500 characters
                    return Either.left(new ActionFailure.ProcessExit(
                            playbook, r.exitCode(), detail.isEmpty() ? r.tail(500) : detail));
                });
    }

    private static void deleteQuietly(@org.jspecify.annotations.Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // private temp file: leaving it is untidy, not unsafe
            }
        }
    }
}
