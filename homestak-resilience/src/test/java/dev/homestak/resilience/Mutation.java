package dev.homestak.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One seeded change to one file of a site-config copy: what it did (for the failure message) and how to
 * undo it. Text-level on purpose: the loader must cope with anything a hand edit or a bad merge can leave.
 */
record Mutation(Path file, String description, byte[] original) {

    private static final String[] JUNK = {
        ":",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "'",
        "\t",
        "- ",
        "#",
        "&a",
        "*a",
        "!!binary ",
        "|",
        ">",
        "%",
        "@",
        "`",
        "---\n",
        "...\n",
        "\u0000",
        "\uFEFF",
        "\u00e9",
        ": :",
        "? ",
        ",",
        "null",
        "~"
    };
    private static final String[] VALUES = {
        "[]",
        "{}",
        "~",
        "null",
        "''",
        "yes",
        "-1",
        "0",
        "99999999999999999999",
        "1.5",
        "[1, 2]",
        "{a: 1}",
        "\"https://\"",
        "\"10.0.0.1\"",
        "\"x/33\"",
        "!!str 5",
        "*undefined",
        "&anchor v",
        "\"\\u0000\"",
        "|\n  block"
    };
    private static final String[] KEYS = {
        "api_endpoint",
        "api_token",
        "vms",
        "name",
        "template",
        "preset",
        "ip",
        "cores",
        "memory",
        "disk",
        "vmid",
        "vmid_base",
        "defaults",
        "datastore",
        "provisioner",
        "api_tokens",
        "passwords",
        "ssh_keys",
        "vm_ssh_port",
        "tls_fingerprint",
        "insecure",
        "gateway",
        "bridge",
        "image"
    };

    /** Applies a random mutation (drawn from {@code random}) to a random file of {@code files}. */
    static Mutation apply(Random random, List<Path> files) throws IOException {
        Path file = files.get(random.nextInt(files.size()));
        byte[] original = Files.readAllBytes(file);
        String text = new String(original, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        int op = random.nextInt(12);
        String what;
        switch (op) {
            case 0 -> { // delete a line
                int i = lines.isEmpty() ? 0 : random.nextInt(lines.size());
                what = lines.isEmpty() ? "delete nothing" : "delete line " + (i + 1);
                if (!lines.isEmpty()) {
                    lines.remove(i);
                }
                text = String.join("\n", lines) + "\n";
            }
            case 1 -> { // duplicate a line
                int i = lines.isEmpty() ? 0 : random.nextInt(lines.size());
                what = "duplicate line " + (i + 1);
                if (!lines.isEmpty()) {
                    lines.add(i, lines.get(i));
                }
                text = String.join("\n", lines) + "\n";
            }
            case 2 -> { // truncate
                int at = text.isEmpty() ? 0 : random.nextInt(text.length());
                what = "truncate at " + at;
                text = text.substring(0, at);
            }
            case 3, 4 -> { // insert junk
                int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
                String junk = JUNK[random.nextInt(JUNK.length)];
                what = "insert " + printable(junk) + " at " + at;
                text = text.substring(0, at) + junk + text.substring(at);
            }
            case 5, 6 -> { // replace a value
                int i = valueLine(random, lines);
                String value = VALUES[random.nextInt(VALUES.length)];
                what = i < 0 ? "no value to replace" : "value of line " + (i + 1) + " := " + printable(value);
                if (i >= 0) {
                    String line = lines.get(i);
                    lines.set(i, line.substring(0, line.indexOf(':') + 1) + " " + value);
                }
                text = String.join("\n", lines) + "\n";
            }
            case 7 -> { // rename a key
                int i = valueLine(random, lines);
                String key = KEYS[random.nextInt(KEYS.length)];
                what = i < 0 ? "no key to rename" : "key of line " + (i + 1) + " := " + key;
                if (i >= 0) {
                    String line = lines.get(i);
                    int indent = line.length() - line.stripLeading().length();
                    String lead = line.stripLeading().startsWith("- ")
                            ? line.substring(0, indent + 2)
                            : line.substring(0, indent);
                    lines.set(i, lead + key + line.substring(line.indexOf(':')));
                }
                text = String.join("\n", lines) + "\n";
            }
            case 8 -> { // shift indentation
                int i = lines.isEmpty() ? 0 : random.nextInt(lines.size());
                boolean deeper = random.nextBoolean();
                what = (deeper ? "indent" : "dedent") + " line " + (i + 1);
                if (!lines.isEmpty()) {
                    String line = lines.get(i);
                    lines.set(i, deeper ? "  " + line : line.replaceFirst("^ {1,2}", ""));
                }
                text = String.join("\n", lines) + "\n";
            }
            case 9 -> { // random bytes
                byte[] bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                Files.write(file, bytes);
                return new Mutation(file, "replace with " + bytes.length + " random bytes", original);
            }
            case 10 -> { // swap two lines
                int i = lines.isEmpty() ? 0 : random.nextInt(lines.size());
                int j = lines.isEmpty() ? 0 : random.nextInt(lines.size());
                what = "swap lines " + (i + 1) + " and " + (j + 1);
                if (!lines.isEmpty()) {
                    String a = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, a);
                }
                text = String.join("\n", lines) + "\n";
            }
            default -> { // delete the file, or a directory in its place
                boolean dir = random.nextBoolean();
                Files.delete(file);
                if (dir) {
                    Files.createDirectory(file);
                }
                return new Mutation(file, dir ? "directory in place of the file" : "delete the file", original);
            }
        }
        Files.writeString(file, text);
        return new Mutation(file, what, original);
    }

    /** Restores the file as it was. */
    void undo() throws IOException {
        if (Files.isDirectory(file)) {
            Files.delete(file);
        }
        Files.write(file, original);
    }

    private static int valueLine(Random random, List<String> lines) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains(":") && !l.stripLeading().startsWith("#")) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? -1 : candidates.get(random.nextInt(candidates.size()));
    }

    private static String printable(String s) {
        return "'" + s.replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0") + "'";
    }
}
