/** Build steps of the release archive and the Debian package (not published; see the module's README). */
@NullMarked
package dev.homestak.dist;

import org.jspecify.annotations.NullMarked;
