package com.etitle.authority;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters of the 31-character alphabet
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z), the last a check character. The check character's value is
 * {@code (31 - Σ c_i·w_i mod 31) mod 31} over the first 17 characters, with the weights {@code w_i = 3^(i-1) mod 31}.
 * The authorities' codes are configuration, checked here at start, so that a mistyped code cannot reach a certificate's
 * e-licence identifier.
 */
public final class CreditCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** True for 18 characters of the alphabet whose last is the check character of the other 17. */
    public static boolean valid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character of the 17 characters before it; they must be of the alphabet. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("a credit code has 17 characters before its check character");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a character of a credit code");
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The 17 characters with their check character: how demonstration codes are made. */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }
}
