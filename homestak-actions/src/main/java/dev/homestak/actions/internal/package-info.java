/**
 * Adapters behind the ports of {@code dev.homestak.actions}: the system process runner, the sshj SSH
 * client with its run-scoped host keys, and the parsers of tool output. Not an API; may change at any time.
 */
@NullMarked
package dev.homestak.actions.internal;

import org.jspecify.annotations.NullMarked;
