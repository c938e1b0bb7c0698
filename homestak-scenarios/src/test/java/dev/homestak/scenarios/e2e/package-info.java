/** End-to-end tests of the built-in scenarios against homestak-sim, with the stand-ins they need. */
@org.jspecify.annotations.NullMarked
package dev.homestak.scenarios.e2e;
