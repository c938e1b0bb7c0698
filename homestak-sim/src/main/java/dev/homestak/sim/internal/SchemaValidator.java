package dev.homestak.sim.internal;

/** Request validation against the bundled PVE API schema. */
public final class SchemaValidator {

    private SchemaValidator() {}

    /** The validator for the bundled PVE 9.1 schema. */
    public static RequestValidator bundled() {
        // replaced by PveApiSchema once homestak-proxmox provides it
        return RequestValidator.NONE;
    }
}
