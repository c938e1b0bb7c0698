/** Benchmarks of homestak against the embedded simulator: programs with a {@code main}, run by {@code bench/run}. */
@org.jspecify.annotations.NullMarked
package dev.homestak.bench;
