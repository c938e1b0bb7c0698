package dev.homestak.actions.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * OpenSSH's host pattern lists, shared by {@code Host} lines of ssh_config and the host field of known_hosts:
 * {@code *} and {@code ?} wildcards, case-insensitive; a list matches when one pattern does and no {@code !pattern}
 * does.
 */
final class HostPatterns {

    private HostPatterns() {}

    /** Whether {@code patterns} name {@code host}. */
    static boolean matches(List<String> patterns, String host) {
        boolean matched = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            if (glob(negated ? pattern.substring(1) : pattern).matcher(host).matches()) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
