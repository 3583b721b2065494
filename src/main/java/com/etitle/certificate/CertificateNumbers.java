package com.etitle.certificate;

import java.security.SecureRandom;

/**
 * Certificate numbers and verification codes. Numbers are the issue year, twelve random digits and a
 * Luhn check digit: they reveal neither issue order nor volume, and a mistyped digit is caught before
 * any look-up. Verification codes are 8 characters of Crockford base32 without the look-alikes
 * (0/O, 1/I/L, U): 40 random bits, like the code printed on a paper certificate.
 */
public final class CertificateNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private CertificateNumbers() {
    }

    public static String newNumber(int year) {
        StringBuilder sb = new StringBuilder(17).append(year);
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return sb.append(luhnDigit(sb)).toString();
    }

    public static String newVerificationCode() {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** True for 17 digits whose last is the Luhn check digit of the others. */
    static boolean wellFormed(String number) {
        if (number == null || !number.matches("[0-9]{17}")) {
            return false;
        }
        return luhnDigit(number.substring(0, 16)) == number.charAt(16);
    }

    private static char luhnDigit(CharSequence digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
