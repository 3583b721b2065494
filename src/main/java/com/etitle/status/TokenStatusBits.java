package com.etitle.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;

import com.etitle.crypto.Encodings;

/**
 * The status array of an IETF Token Status List (draft-ietf-oauth-status-list) with two bits per token: entry
 * {@code i} is in byte {@code i / 4}, starting at the least significant bits; the published {@code lst} is the
 * base64url (no padding) of its ZLIB (RFC 1950) compression. Values: 0 valid, 1 invalid, 2 suspended.
 */
public final class TokenStatusBits {

    public static final int BITS = 2;
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int SUSPENDED = 2;

    private final byte[] bytes;

    public TokenStatusBits(int size) {
        this.bytes = new byte[(size * BITS + 7) / 8];
    }

    public void set(int index, int status) {
        if (status < 0 || status > 3) {
            throw new IllegalArgumentException("a status takes two bits");
        }
        int shift = (index % 4) * BITS;
        bytes[index / 4] = (byte) ((bytes[index / 4] & ~(3 << shift)) | (status << shift));
    }

    public int get(int index) {
        return (bytes[index / 4] >> ((index % 4) * BITS)) & 3;
    }

    public String lst() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 16 + 64);
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
            zlib.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Encodings.base64Url(out.toByteArray());
    }
}
