package com.etitle.certificate;

/**
 * ISO/IEC 7064 MOD 37,36 (GB/T 17710): the hybrid check character system over the 36 characters {@code 0-9A-Z}
 * (values 0–35), with a check character of the same alphabet. From {@code P = 36}, each character of value
 * {@code a} gives {@code S = (P + a) mod 36}, taken as 36 when it is 0, then {@code P = 2·S mod 37}; the check
 * character is the one of value {@code (37 - P) mod 36}, so that running it through the same step ends with
 * {@code S = 1}.
 *
 * <p>What it catches: every single substitution (each step is one-to-one in {@code a}), and every transposition of
 * two neighbouring characters but one kind: two characters whose values differ by one ({@code a}, {@code a + 1 mod
 * 36}) where the running value before them is {@code P ≡ 18 - a (mod 36)}. Both orders then reach the same
 * {@code S} (one passes through {@code P = 36}, the other through {@code P = 1}), so one such pair in 630 goes
 * unseen at each position. The e-licence identifier covers its parts' own check characters too ({@link LicenceId}).
 */
public final class Mod3736 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Mod3736() {
    }

    /** The check character of these characters (each of {@code 0-9A-Z}). */
    public static char checkCharacter(CharSequence chars) {
        return ALPHABET.charAt((37 - run(chars)) % 36);
    }

    /** True when the last character is the check character of those before it; false for any character not of {@code 0-9A-Z}. */
    public static boolean holds(CharSequence charsAndCheck) {
        int n = charsAndCheck.length();
        if (n < 2) {
            return false;
        }
        int p = 36;
        for (int i = 0; i < n - 1; i++) {
            int value = ALPHABET.indexOf(charsAndCheck.charAt(i));
            if (value < 0) {
                return false;
            }
            p = step(p, value);
        }
        int check = ALPHABET.indexOf(charsAndCheck.charAt(n - 1));
        return check >= 0 && (p + check) % 36 == 1;
    }

    /** {@code P} after these characters: 1–36. */
    static int run(CharSequence chars) {
        int p = 36;
        for (int i = 0; i < chars.length(); i++) {
            p = step(p, valueOf(chars.charAt(i)));
        }
        return p;
    }

    static int step(int p, int value) {
        int s = (p + value) % 36;
        return 2 * (s == 0 ? 36 : s) % 37;
    }

    static int valueOf(char c) {
        int value = ALPHABET.indexOf(c);
        if (value < 0) {
            throw new IllegalArgumentException("'" + c + "' is not one of 0-9A-Z");
        }
        return value;
    }
}
