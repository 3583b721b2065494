package com.etitle.crypto;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by the UTF-16 code units of their names,
 * no insignificant white space, strings with the minimal escaping of ECMAScript's JSON.stringify, and
 * numbers in ECMAScript's shortest round-trip form.
 */
public final class Jcs {

    private Jcs() {
    }

    public static byte[] canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                // String.compareTo orders by UTF-16 code units, exactly as RFC 8785 section 3.2.3 asks.
                names.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                Iterator<JsonNode> items = node.elements();
                boolean first = true;
                while (items.hasNext()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(items.next(), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /**
     * Writes the canonical form of a document of known shape straight from its values, for hot paths where
     * building a tree only to sort it costs more than signing it. The caller writes members in canonical
     * order; the writer checks that order, so a slip fails at once instead of signing bytes that no
     * verifier would rebuild. A null string is written as {@code null}, as a tree holds it.
     */
    public static final class Writer {

        private final StringBuilder out = new StringBuilder(1024);
        /** Per open object or array, innermost last: whether it is an array, and the last member name written. */
        private boolean[] arrays = new boolean[8];
        private String[] names = new String[8];
        private int depth;
        private boolean comma;

        public Writer beginObject() {
            return open('{', false);
        }

        public Writer beginArray() {
            return open('[', true);
        }

        public Writer end() {
            if (depth == 0) {
                throw new IllegalStateException("nothing to close");
            }
            out.append(arrays[depth] ? ']' : '}');
            depth--;
            comma = true;
            return this;
        }

        public Writer name(String name) {
            if (depth == 0 || arrays[depth]) {
                throw new IllegalStateException("member \"" + name + "\" outside an object");
            }
            String previous = names[depth];
            if (previous != null && previous.compareTo(name) >= 0) {
                throw new IllegalStateException("member \"" + name + "\" after \"" + previous + "\": not in canonical order");
            }
            names[depth] = name;
            separate();
            writeString(name, out);
            out.append(':');
            comma = false;
            return this;
        }

        public Writer string(String value) {
            separate();
            if (value == null) {
                out.append("null");
            } else {
                writeString(value, out);
            }
            comma = true;
            return this;
        }

        public Writer member(String name, String value) {
            return name(name).string(value);
        }

        /** The UTF-8 bytes written; every object and array must be closed. */
        public byte[] toBytes() {
            if (depth != 0) {
                throw new IllegalStateException(depth + " objects or arrays still open");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        private Writer open(char bracket, boolean array) {
            separate();
            out.append(bracket);
            if (++depth == arrays.length) {
                arrays = Arrays.copyOf(arrays, depth * 2);
                names = Arrays.copyOf(names, depth * 2);
            }
            arrays[depth] = array;
            names[depth] = null;
            comma = false;
            return this;
        }

        private void separate() {
            if (comma) {
                out.append(',');
            }
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                        // RFC 8785 §3.2.2.2: a lone surrogate has no UTF-8 form; encoding it as '?' would
                        // let two different strings share one canonical form, and so one signature.
                        throw new IllegalArgumentException("string with an unpaired surrogate cannot be canonicalised");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** ECMAScript Number.prototype.toString for the IEEE-754 double the JSON number denotes. */
    static String number(JsonNode node) {
        double d;
        if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
            d = node.doubleValue();
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            d = (double) node.longValue();
        } else {
            d = node.decimalValue().doubleValue();
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON numbers must be finite");
        }
        if (d == 0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            // Below 2^53 every integer is a double and its neighbours are at most 1 away: all digits are needed.
            return Long.toString((long) d);
        }
        BigDecimal shortest = shortestReadingBack(Math.abs(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - shortest.scale(); // position of the decimal point, ECMAScript's n
        String sign = d < 0 ? "-" : "";
        int k = digits.length();
        if (k <= exponent && exponent <= 21) {
            return sign + digits + "0".repeat(exponent - k);
        }
        if (0 < exponent && exponent <= 21) {
            return sign + digits.substring(0, exponent) + "." + digits.substring(exponent);
        }
        if (-6 < exponent && exponent <= 0) {
            return sign + "0." + "0".repeat(-exponent) + digits;
        }
        int e = exponent - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (e >= 0 ? "+" : "-") + Math.abs(e);
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code d} and, among those, the one
     * closest to {@code d} (ties to an even last digit): ECMAScript's Number::toString, step 5.
     * {@code Double.toString} will not do: on JDK 17 it is not always shortest (1e23 prints as
     * 9.999999999999999E22), and on every JDK it prints at least two digits (4.9E-324 where ECMAScript
     * has 5e-324). Both neighbours are tried at each length because at a power of two the gap below
     * {@code d} is half the gap above, so the nearer candidate may not read back while the farther one does.
     */
    private static BigDecimal shortestReadingBack(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; ; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean belowReadsBack = below.doubleValue() == d;
            boolean aboveReadsBack = above.doubleValue() == d;
            if (belowReadsBack && aboveReadsBack) {
                int nearer = exact.subtract(below).compareTo(above.subtract(exact));
                if (nearer != 0) {
                    return nearer < 0 ? below : above;
                }
                return below.unscaledValue().testBit(0) ? above : below;
            }
            if (belowReadsBack) {
                return below;
            }
            if (aboveReadsBack) {
                return above;
            }
        }
    }

    /** Convenience for maps built in code. */
    public static byte[] canonicalize(Map<String, ?> value, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return canonicalize(mapper.valueToTree(value));
    }
}
