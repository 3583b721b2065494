package com.etitle.crypto;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** ECMAScript Number.prototype.toString for the IEEE-754 double the JSON number denotes. */
    static String number(JsonNode node) {
        double d = node.isIntegralNumber() && node.canConvertToLong()
                ? (double) node.longValue()
                : node.decimalValue().doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON numbers must be finite");
        }
        if (d == 0) {
            return "0";
        }
        // BigDecimal of Double.toString gives the shortest repr digits on JDK 19+; on 17 it is near-shortest,
        // which only matters for non-integers, which our documents never contain.
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - exact.scale(); // position of the decimal point, ECMAScript's n
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

    /** Convenience for maps built in code. */
    public static byte[] canonicalize(Map<String, ?> value, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return canonicalize(mapper.valueToTree(value));
    }
}
