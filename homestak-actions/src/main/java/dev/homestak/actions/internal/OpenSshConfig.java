package dev.homestak.actions.internal;

import dev.homestak.actions.SshHostSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's {@code ~/.ssh/config} (ssh_config(5)), for the options homestak honours: {@code Host} blocks with
 * {@code *}, {@code ?} and {@code !} patterns; {@code HostName}, {@code User}, {@code Port}, {@code IdentityFile},
 * {@code IdentitiesOnly}, {@code ProxyJump}, {@code UserKnownHostsFile}, {@code StrictHostKeyChecking}. Other
 * keywords are ignored; a {@code Match} block is skipped (its conditions are not evaluated).
 */
public final class OpenSshConfig {

    private static final Logger log = LoggerFactory.getLogger(OpenSshConfig.class);
    private static final Pattern KEYWORD = Pattern.compile("\\s*([^\\s=]+)\\s*(?:=|\\s)?\\s*(.*)");

    /** One {@code Host} block: its patterns, where it starts, and its options in file order. */
    private record Block(List<String> patterns, Path file, int line, List<Map.Entry<String, List<String>>> options) {
        boolean matches(String host) {
            return HostPatterns.matches(patterns, host);
        }
    }

    private final Path home;
    private final String localUser;
    private final List<Block> blocks;

    private OpenSshConfig(Path home, String localUser, List<Block> blocks) {
        this.home = home;
        this.localUser = localUser;
        this.blocks = blocks;
    }

    /** No config file: every host resolves to itself. */
    public static OpenSshConfig empty(Path home) {
        return new OpenSshConfig(home, System.getProperty("user.name", "root"), List.of());
    }

    /** Reads {@code file} if it exists (else {@link #empty}); {@code ~} means {@code home}. */
    public static OpenSshConfig read(Path file, Path home) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty(home);
        }
        List<Block> blocks = new ArrayList<>();
        // options before the first Host line apply to every host, as in ssh_config
        Block current = new Block(List.of("*"), file, 0, new ArrayList<>());
        blocks.add(current);
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = words(lines.get(i));
            if (words.isEmpty()) {
                continue;
            }
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            if (keyword.equals("host")) {
                current = new Block(List.copyOf(args), file, i + 1, new ArrayList<>());
                blocks.add(current);
            } else if (keyword.equals("match")) {
                log.debug("{}:{}: Match blocks are not evaluated; skipping its options", file, i + 1);
                current = new Block(List.of(), file, i + 1, new ArrayList<>());
            } else {
                current.options().add(Map.entry(keyword, List.copyOf(args)));
            }
        }
        return new OpenSshConfig(home, System.getProperty("user.name", "root"), List.copyOf(blocks));
    }

    /** What the file says for {@code alias}, with {@code remoteUser} for {@code %r}. */
    public SshHostSettings resolve(String alias, String remoteUser) {
        Map<String, List<String>> first = new LinkedHashMap<>();
        List<String> identityFiles = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (Block block : blocks) {
            if (!block.matches(alias) || block.options().isEmpty() && block.line() == 0) {
                continue;
            }
            matched.add(block.file() + ":" + block.line() + " "
                    + (block.line() == 0 ? "(before any Host)" : "Host " + String.join(" ", block.patterns())));
            for (Map.Entry<String, List<String>> option : block.options()) {
                if (option.getKey().equals("identityfile")) {
                    identityFiles.addAll(option.getValue());
                } else {
                    first.putIfAbsent(option.getKey(), option.getValue());
                }
            }
        }
        String hostName =
                one(first, "hostname").map(h -> h.replace("%h", alias)).orElse(alias);
        Optional<String> user = one(first, "user");
        String r = user.orElse(remoteUser);
        List<Path> identities =
                identityFiles.stream().map(f -> path(expand(f, hostName, r))).toList();
        List<Path> knownHosts = first.containsKey("userknownhostsfile")
                ? first.get("userknownhostsfile").stream()
                        .map(f -> path(expand(f, hostName, r)))
                        .toList()
                : List.of(home.resolve(".ssh/known_hosts"), home.resolve(".ssh/known_hosts2"));
        List<String> jumps = one(first, "proxyjump")
                .filter(j -> !j.equalsIgnoreCase("none"))
                .map(j -> Arrays.asList(j.split(",")))
                .orElse(List.of());
        return new SshHostSettings(
                alias,
                hostName,
                user,
                one(first, "port").flatMap(OpenSshConfig::port),
                identities,
                one(first, "identitiesonly").map(v -> v.equalsIgnoreCase("yes")).orElse(false),
                jumps,
                knownHosts,
                one(first, "stricthostkeychecking").map(v -> v.toLowerCase(Locale.ROOT)),
                matched);
    }

    private static Optional<String> one(Map<String, List<String>> options, String key) {
        return Optional.ofNullable(options.get(key)).filter(v -> !v.isEmpty()).map(v -> v.get(0));
    }

    private static Optional<Integer> port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String expand(String value, String host, String remoteUser) {
        String v = value.startsWith("~/") ? home + value.substring(1) : value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '%' || i + 1 == v.length()) {
                out.append(c);
                continue;
            }
            char t = v.charAt(++i);
            switch (t) {
                case 'd' -> out.append(home);
                case 'h' -> out.append(host);
                case 'r' -> out.append(remoteUser);
                case 'u' -> out.append(localUser);
                case '%' -> out.append('%');
                default -> out.append('%').append(t);
            }
        }
        return out.toString();
    }

    private Path path(String text) {
        return home.resolve(text); // relative names are relative to the home directory, as in ssh
    }

    /** The words of one line: keyword then arguments, {@code keyword=value} and double quotes understood. */
    static List<String> words(String line) {
        java.util.regex.Matcher m = KEYWORD.matcher(line);
        if (!m.matches() || m.group(1).startsWith("#")) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        words.add(m.group(1));
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : m.group(2).strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
