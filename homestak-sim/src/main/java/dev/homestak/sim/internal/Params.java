package dev.homestak.sim.internal;

/** Parameter checks with PVE's exact messages, for checks the schema validator cannot express. */
final class Params {

    private Params() {}

    /** A VM id in PVE's range 100..999999999. */
    static int vmid(String name, String value) {
        int vmid;
        try {
            vmid = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw PveError.param(name, "type check ('integer') failed - got '" + value + "'");
        }
        if (vmid < 100 || vmid > 999_999_999) {
            throw PveError.param(name, "value must have a minimum value of 100");
        }
        return vmid;
    }

    /** A form boolean: only {@code 0} and {@code 1} (and PVE's other spellings) are accepted. */
    static boolean bool(String name, String value) {
        return switch (value) {
            case "1", "on", "yes" -> true;
            case "0", "off", "no" -> false;
            default -> throw PveError.param(name, "type check ('boolean') failed - got '" + value + "'");
        };
    }

    /** An integer. */
    static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw PveError.param(name, "type check ('integer') failed - got '" + value + "'");
        }
    }
}
