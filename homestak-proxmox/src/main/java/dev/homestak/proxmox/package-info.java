/**
 * The typed Proxmox VE API client: {@link dev.homestak.proxmox.ProxmoxClient} with immutable
 * navigation handles, {@link dev.homestak.proxmox.Task} handles for UPIDs, the sealed
 * {@link dev.homestak.proxmox.ProxmoxFailure}, TLS policies, and {@link dev.homestak.proxmox.PveApiSchema},
 * the bundled PVE API contract used to check requests.
 */
@NullMarked
package dev.homestak.proxmox;

import org.jspecify.annotations.NullMarked;
