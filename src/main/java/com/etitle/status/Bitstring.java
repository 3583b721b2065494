package com.etitle.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import com.etitle.crypto.Encodings;

/**
 * The bitstring of a W3C Bitstring Status List: index 0 is the left-most (most significant) bit of the
 * first byte; the published form is the multibase base64url ({@code u} prefix) of its GZIP compression.
 */
public final class Bitstring {

    private final byte[] bytes;

    public Bitstring(int size) {
        if (size % 8 != 0) {
            throw new IllegalArgumentException("size must be a multiple of 8");
        }
        this.bytes = new byte[size / 8];
    }

    public void set(int index) {
        bytes[index / 8] |= (byte) (1 << (7 - index % 8));
    }

    public boolean get(int index) {
        return (bytes[index / 8] & (1 << (7 - index % 8))) != 0;
    }

    public String encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Encodings.base64Url(out.toByteArray());
    }
}
