/**
 * An embedded Proxmox VE simulator: a real HTTPS API with PVE's shapes and error texts, a real SSH
 * server per running VM, nested PVE, reproducible fault injection, and a JUnit 5 extension.
 *
 * <p>Start one with {@link dev.homestak.sim.Simulator#builder()}; in tests annotate the class with
 * {@link dev.homestak.sim.ProxmoxSimulator}.
 */
@NullMarked
package dev.homestak.sim;

import org.jspecify.annotations.NullMarked;
