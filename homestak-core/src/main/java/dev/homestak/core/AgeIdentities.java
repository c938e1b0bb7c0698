package dev.homestak.core;

import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The age private keys available to decrypt SOPS files, found the way sops finds them:
 * {@code SOPS_AGE_KEY_FILE}, {@code SOPS_AGE_KEY}, then {@code ~/.config/sops/age/keys.txt}.
 *
 * <p>Like sops, identities from all three places are collected, in that order, and each is tried
 * in turn. A keys text holds one {@code AGE-SECRET-KEY-1...} per line; blank lines and lines
 * starting with {@code #} are ignored. {@link #toString()} shows only public keys.
 */
public final class AgeIdentities {

    /** Where {@link #discover(Map, Path)} looks, for messages. */
    static final String WHERE = "SOPS_AGE_KEY_FILE, SOPS_AGE_KEY, ~/.config/sops/age/keys.txt";

    private static final AgeIdentities NONE = new AgeIdentities(List.of(), List.of());

    private final List<AgeIdentity> identities;
    private final List<String> problems;

    private AgeIdentities(List<AgeIdentity> identities, List<String> problems) {
        this.identities = List.copyOf(identities);
        this.problems = List.copyOf(problems);
    }

    /** No identities. */
    public static AgeIdentities none() {
        return NONE;
    }

    /**
     * Finds identities from the environment and the user's home directory; none found is not an
     * error. Unreadable files and malformed lines are kept as {@link #problems()} and reported when
     * a decryption fails. {@code XDG_CONFIG_HOME}, when set, replaces {@code <home>/.config}.
     */
    public static AgeIdentities discover(Map<String, String> env, Path home) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(home, "home");
        var found = new ArrayList<AgeIdentity>();
        var problems = new ArrayList<String>();
        String keyFile = env.getOrDefault("SOPS_AGE_KEY_FILE", "");
        if (!keyFile.isBlank()) {
            readFile(Path.of(keyFile), "SOPS_AGE_KEY_FILE " + keyFile, true, found, problems);
        }
        String inline = env.getOrDefault("SOPS_AGE_KEY", "");
        if (!inline.isBlank()) {
            parseInto(inline, "SOPS_AGE_KEY", found, collect("SOPS_AGE_KEY", problems));
        }
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path configDir = xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
        Path keysTxt = configDir.resolve("sops/age/keys.txt");
        readFile(keysTxt, keysTxt.toString(), false, found, problems);
        return new AgeIdentities(found, problems);
    }

    /** Parses a keys text (as in {@code SOPS_AGE_KEY}); any malformed line is a failure naming its line. */
    public static Either<ConfigFailure, AgeIdentities> of(String keysText) {
        return strict(Path.of("<age keys>"), keysText);
    }

    /** Reads a keys file (as in {@code keys.txt}); a missing file or a malformed line is a failure. */
    public static Either<ConfigFailure, AgeIdentities> fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return strict(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Either.left(new ConfigFailure.Missing(file, "", "age keys file does not exist"));
        } catch (IOException e) {
            return Either.left(new ConfigFailure.Unreadable(file, String.valueOf(e.getMessage())));
        }
    }

    private static Either<ConfigFailure, AgeIdentities> strict(Path source, String keysText) {
        Objects.requireNonNull(keysText, "keysText");
        var found = new ArrayList<AgeIdentity>();
        var problems = new ArrayList<ConfigFailure>();
        parseInto(
                keysText,
                source.toString(),
                found,
                (line, problem) -> problems.add(new ConfigFailure.Invalid(source, line, "age identity", problem)));
        return problems.isEmpty()
                ? Either.right(new AgeIdentities(found, List.of()))
                : Either.left(problems.getFirst());
    }

    private static void readFile(
            Path file, String label, boolean required, List<AgeIdentity> found, List<String> problems) {
        try {
            parseInto(
                    Files.readString(file, StandardCharsets.UTF_8),
                    file.toString(),
                    found,
                    collect(file.toString(), problems));
        } catch (NoSuchFileException e) {
            if (required) {
                problems.add(label + ": file does not exist");
            }
        } catch (IOException e) {
            problems.add(label + ": cannot read: " + e.getMessage());
        }
    }

    private static BiConsumer<Integer, String> collect(String source, List<String> problems) {
        return (line, problem) -> problems.add(source + ":" + line + ": " + problem);
    }

    private static void parseInto(
            String text, String source, List<AgeIdentity> found, BiConsumer<Integer, String> problems) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            AgeIdentity.parse(line, source + ":" + lineNumber)
                    .peekLeft(problem -> problems.accept(lineNumber, problem))
                    .peek(found::add);
        }
    }

    /** Another set with this one's identities first, then {@code other}'s. */
    public AgeIdentities and(AgeIdentities other) {
        var all = new ArrayList<>(identities);
        all.addAll(other.identities);
        var allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        return new AgeIdentities(all, allProblems);
    }

    /** True when no identity was found. */
    public boolean isEmpty() {
        return identities.isEmpty();
    }

    /** The public keys ({@code age1...}) of the identities, in the order they are tried. */
    public List<String> publicKeys() {
        return identities.stream().map(AgeIdentity::publicKey).toList();
    }

    /** What went wrong while discovering (unreadable file, malformed line); never contains key material. */
    public List<String> problems() {
        return problems;
    }

    /** The identities, in the order they are tried. */
    List<AgeIdentity> identities() {
        return identities;
    }

    @Override
    public String toString() {
        return "AgeIdentities" + publicKeys();
    }
}
