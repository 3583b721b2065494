package com.etitle.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Strict text encodings for signatures and keys. Decoders accept only the canonical form, so two
 * different strings can never decode to the same signature (a flipped padding bit is a different token).
 */
public final class Encodings {

    private static final String BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

    private Encodings() {
    }

    public static String base64Url(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    /** Decodes unpadded base64url; empty when the text is not exactly the canonical encoding of some bytes. */
    public static Optional<byte[]> base64UrlStrict(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return Optional.empty();
            }
        }
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(text);
            return base64Url(decoded).equals(text) ? Optional.of(decoded) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** RFC 4648 base32 without padding: upper case letters and digits, fit for reading aloud and for QR codes. */
    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** 58^5: base-58 digits are computed five at a time, in limbs that fit a long with 32 bits to spare. */
    private static final long LIMB = 58L * 58 * 58 * 58 * 58;

    /**
     * Schoolbook conversion, four input bytes and five output digits per step: every certificate's proof
     * value goes through here, and division of a BigInteger by 58 was a visible share of issuing one.
     */
    public static String base58(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        // log(256) / log(58) < 1.37 digits per byte
        long[] limbs = new long[(data.length - zeros) * 137 / 500 + 2];
        int length = 0;
        int i = zeros;
        while (i < data.length) {
            int take = i == zeros && (data.length - zeros) % 4 != 0 ? (data.length - zeros) % 4 : 4;
            long carry = 0;
            for (int k = 0; k < take; k++) {
                carry = (carry << 8) | (data[i++] & 0xff);
            }
            for (int j = 0; j < length; j++) {
                carry += limbs[j] << (8 * take);
                limbs[j] = carry % LIMB;
                carry /= LIMB;
            }
            while (carry > 0) {
                limbs[length++] = carry % LIMB;
                carry /= LIMB;
            }
        }
        char[] digits = new char[length * 5];
        for (int j = 0; j < length; j++) {
            long limb = limbs[j];
            for (int k = 0; k < 5; k++) {
                digits[digits.length - 1 - (j * 5 + k)] = BASE58_ALPHABET.charAt((int) (limb % 58));
                limb /= 58;
            }
        }
        int first = 0;
        while (first < digits.length && digits[first] == '1') {
            first++;
        }
        return "1".repeat(zeros) + new String(digits, first, digits.length - first);
    }

    public static Optional<byte[]> base58Strict(String text) {
        if (text == null || text.isEmpty() || text.length() > 200) {
            return Optional.empty();
        }
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            int digit = BASE58_ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            if (leading && digit == 0) {
                zeros++;
            } else {
                leading = false;
            }
            n = n.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] body = n.signum() == 0 ? new byte[0] : n.toByteArray();
        if (body.length > 0 && body[0] == 0) {
            body = Arrays.copyOfRange(body, 1, body.length);
        }
        byte[] out = new byte[zeros + body.length];
        System.arraycopy(body, 0, out, zeros, body.length);
        return Optional.of(out);
    }

    /** Multibase base58btc: the {@code z} prefix used by Data Integrity proof values and Multikey. */
    public static String multibase(byte[] data) {
        return "z" + base58(data);
    }

    public static Optional<byte[]> multibaseStrict(String text) {
        if (text == null || !text.startsWith("z")) {
            return Optional.empty();
        }
        return base58Strict(text.substring(1));
    }
}
