/** The resilience suite: homestak under faults, interrupts, bad input and concurrent runs, on loopback only. */
@org.jspecify.annotations.NullMarked
package dev.homestak.resilience;
