package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What commands change inside a simulated machine and later commands read back: the users
 * ({@code useradd}), files written ({@code echo ... > file}) and whether the homestak bootstrap
 * installer ran. Kept for the machine's lifetime (a VM's until it is destroyed); thread-safe.
 */
final class GuestState {

    private final Set<String> users = new LinkedHashSet<>(List.of("root"));
    private final Map<String, String> files = new LinkedHashMap<>();
    private boolean homestakInstalled;

    synchronized boolean hasUser(String name) {
        return users.contains(name);
    }

    /** Adds a user (with {@code /home/<name>}); false when it exists. */
    synchronized boolean addUser(String name) {
        return users.add(name);
    }

    /** The uid {@code id} reports: 0 for root, then 1000 upwards in creation order. */
    synchronized int uid(String name) {
        int index = new ArrayList<>(users).indexOf(name);
        return index <= 0 ? 0 : 999 + index;
    }

    synchronized Optional<String> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    synchronized void write(String path, String content, boolean append) {
        files.merge(path, content, (old, add) -> append ? old + add : add);
    }

    /** The files under a directory (for {@code grep -r}), path to content. */
    synchronized Map<String, String> filesUnder(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        Map<String, String> found = new LinkedHashMap<>();
        files.forEach((path, content) -> {
            if (path.startsWith(prefix) || path.equals(dir)) {
                found.put(path, content);
            }
        });
        return found;
    }

    synchronized boolean homestakInstalled() {
        return homestakInstalled;
    }

    synchronized void installHomestak() {
        homestakInstalled = true;
    }
}
