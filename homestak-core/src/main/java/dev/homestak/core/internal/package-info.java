/**
 * Helpers shared by homestak's own modules (the Python-compatible JSON writer of reports, events, the context
 * file and the CLI's JSON output); not an API.
 */
@NullMarked
package dev.homestak.core.internal;

import org.jspecify.annotations.NullMarked;
