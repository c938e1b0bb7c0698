/**
 * Report writers, file naming, atomic files and text sanitising used by the runner; not an API.
 */
@NullMarked
package dev.homestak.scenarios.internal;

import org.jspecify.annotations.NullMarked;
