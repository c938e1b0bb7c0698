/**
 * The simulator's machinery (HTTPS server, routes, VM and task state, SSH, certificates); not an API.
 */
@NullMarked
package dev.homestak.sim.internal;

import org.jspecify.annotations.NullMarked;
