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
    private static final long DIGITS_BOUND = 1_000_000_000_000L;
    /** 30^8 */
    private static final long CODE_BOUND = 656_100_000_000L;

    private CertificateNumbers() {
    }

    /**
     * The twelve digits are one uniform draw below 10^12, the codes one below 30^8: the same distribution as
     * a draw per character, with two calls into the system generator instead of twelve or eight (a batch of
     * 10,000 certificates made 200,000 of them).
     */
    public static String newNumber(int year) {
        String digits = Long.toString(RANDOM.nextLong(DIGITS_BOUND));
        StringBuilder sb = new StringBuilder(17).append(year);
        for (int i = digits.length(); i < 12; i++) {
            sb.append('0');
        }
        sb.append(digits);
        return sb.append(luhnDigit(sb)).toString();
    }

    public static String newVerificationCode() {
        long value = RANDOM.nextLong(CODE_BOUND);
        char[] code = new char[8];
        for (int i = 7; i >= 0; i--) {
            code[i] = CODE_ALPHABET.charAt((int) (value % CODE_ALPHABET.length()));
            value /= CODE_ALPHABET.length();
        }
        return new String(code);
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
