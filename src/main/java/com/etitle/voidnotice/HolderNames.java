package com.etitle.voidnotice;

/** Names as a public notice shows them. */
final class HolderNames {

    private HolderNames() {
    }

    /**
     * First and last character kept, each one between replaced by a '*': 张小三 → 张*三, 欧阳小明 → 欧**明. A
     * two-character name keeps only its first (张三 → 张*), a one-character name nothing. Characters are code
     * points, so a rare character outside the BMP counts once.
     */
    static String mask(String name) {
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length <= 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        if (chars.length == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(chars.length - 2));
        return masked.appendCodePoint(chars[chars.length - 1]).toString();
    }
}
