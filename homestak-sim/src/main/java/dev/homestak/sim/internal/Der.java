package dev.homestak.sim.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** A minimal DER (ASN.1) encoder: just the types an X.509 v3 self-signed certificate needs. */
final class Der {

    private Der() {}

    /** A SEQUENCE of already-encoded elements. */
    static byte[] sequence(byte[]... elements) {
        return tagged(0x30, concat(elements));
    }

    /** A SET of already-encoded elements. */
    static byte[] set(byte[]... elements) {
        return tagged(0x31, concat(elements));
    }

    /** An INTEGER. */
    static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    /** An OBJECT IDENTIFIER from its dotted form. */
    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            writeBase128(out, Long.parseLong(parts[i]));
        }
        return tagged(0x06, out.toByteArray());
    }

    /** A UTF8String. */
    static byte[] utf8(String value) {
        return tagged(0x0c, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A GeneralizedTime in the form {@code YYYYMMDDHHMMSSZ}. */
    static byte[] generalizedTime(String value) {
        return tagged(0x18, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** A BIT STRING with no unused bits. */
    static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1];
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tagged(0x03, content);
    }

    /** An OCTET STRING. */
    static byte[] octetString(byte[] content) {
        return tagged(0x04, content);
    }

    /** A BOOLEAN. */
    static byte[] bool(boolean value) {
        return tagged(0x01, new byte[] {(byte) (value ? 0xff : 0)});
    }

    /** An explicit context-specific constructed tag {@code [n]}. */
    static byte[] explicit(int n, byte[] content) {
        return tagged(0xa0 | n, content);
    }

    /** An implicit context-specific primitive tag {@code [n]} (used by GeneralName). */
    static byte[] implicitPrimitive(int n, byte[] content) {
        return tagged(0x80 | n, content);
    }

    /** Tag, length and content. */
    static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        writeLength(out, content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        byte[] bytes = BigInteger.valueOf(length).toByteArray();
        int skip = bytes[0] == 0 ? 1 : 0;
        out.write(0x80 | (bytes.length - skip));
        out.write(bytes, skip, bytes.length - skip);
    }

    private static void writeBase128(ByteArrayOutputStream out, long value) {
        // big-endian groups of 7 bits, all but the last with the high bit set
        int groups = 1;
        for (long v = value >>> 7; v != 0; v >>>= 7) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) ((value >>> (7 * i)) & 0x7f);
            out.write(i == 0 ? b : b | 0x80);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
