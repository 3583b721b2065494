package com.etitle.support;

/** Certificate numbers for tests that need one nobody was issued. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A number of the same year, length and valid check digit as {@code number} (so it passes any shape check
     * and reaches the look-up) that no certificate has: one random digit changed, the Luhn digit recomputed.
     */
    public static String unknownLike(String number) {
        String digits = number.substring(0, 4) + (char) ('0' + (number.charAt(4) - '0' + 5) % 10) + number.substring(5, 16);
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = (digits.charAt(i) - '0') * (twice ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
            twice = !twice;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
