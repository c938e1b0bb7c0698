package dev.homestak.proxmox.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compiles schema regexes once; a pattern Java cannot compile is not enforced (and logged once). */
final class Patterns {

    private static final Logger log = LoggerFactory.getLogger(Patterns.class);
    private static final Pattern ACCEPT_ALL = Pattern.compile("(?s).*");
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Patterns() {}

    /** True when the whole value matches, as PVE's {@code m/^$pattern$/}. */
    static boolean matches(String regex, String value) {
        return CACHE.computeIfAbsent(regex, Patterns::compile).matcher(value).matches();
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            log.debug("schema pattern not enforced, Java cannot compile it: {}", regex);
            return ACCEPT_ALL;
        }
    }
}
