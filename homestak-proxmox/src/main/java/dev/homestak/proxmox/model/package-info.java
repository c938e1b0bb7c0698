/**
 * Payload records of the Proxmox VE API: what the client sends (request records with builders)
 * and what it decodes (lenient response records).
 */
@NullMarked
package dev.homestak.proxmox.model;

import org.jspecify.annotations.NullMarked;
