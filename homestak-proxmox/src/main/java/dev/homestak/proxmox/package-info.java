/**
 * The typed Proxmox VE API client: {@link dev.homestak.proxmox.ProxmoxClient} with immutable
 * navigation handles, {@link dev.homestak.proxmox.Task} handles for UPIDs, the sealed
 * {@link dev.homestak.proxmox.ProxmoxFailure}, TLS policies and retries. (The bundled PVE API schema the
 * simulator and the contract tests check requests with lives in the non-exported
 * {@code dev.homestak.proxmox.internal}.)
 */
@NullMarked
package dev.homestak.proxmox;

import org.jspecify.annotations.NullMarked;
