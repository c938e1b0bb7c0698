package dev.homestak.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The training run of the launcher's ahead-of-time cache (JDK 25+): runs the listings, the commands whose
 * start-up time matters, so that exactly their classes and linked call sites are in the cache (a cache
 * with more classes would preload them and make listing slower). Prints nothing.
 */
public final class Training {

    private Training() {
    }

    /** Runs the training commands; {@code args} are ignored. */
    public static void main(String[] args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        FastPath.run(new String[] {"--list-scenarios"}, nowhere, nowhere);
        Registry.load().names().stream().findFirst()
                .ifPresent(name -> FastPath.run(new String[] {"--scenario", name, "--list-phases"}, nowhere, nowhere));
        FastPath.run(new String[] {"--scenario", "no such scenario", "--list-phases"}, nowhere, nowhere);
    }
}
