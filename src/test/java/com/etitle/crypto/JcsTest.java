package com.etitle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * RFC 8785 canonical bytes are what both proofs hash, so any difference from another JCS implementation
 * makes a genuine credential fail elsewhere. Expected outputs are the RFC's own examples, or what
 * ECMAScript's JSON.stringify prints, which RFC 8785 defines the format by.
 */
class JcsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void the_rfc_8785_example_canonicalises_to_the_published_bytes() {
        // RFC 8785 section 3.2.2: numbers, escapes and literals together, byte for byte.
        assertThat(Jcs.canonicalize(parse(resource("rfc8785-example.json"))))
                .isEqualTo(resource("rfc8785-example.canonical.json").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void members_are_sorted_by_utf16_code_units_not_by_code_points() {
        // RFC 8785 section 3.2.3: the emoji is the surrogate pair d83d de00, so it sorts before U+FB33,
        // although its code point U+1F600 is larger.
        String json = """
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",
                 "\\u00f6": "Latin Small Letter O With Diaeresis"}
                """;
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";

        assertThat(canonical(json)).isEqualTo(expected);
    }

    @Test
    void white_space_between_tokens_is_removed_and_nested_members_are_sorted_while_arrays_keep_their_order() {
        String json = """
                { "b" : [ 3 , { "z" : null , "a" : [ ] } , [ [ 1 ] , { } ] ] ,
                  "a" : { "y" : true , "x" : "  keep inner spaces  " } }
                """;

        assertThat(canonical(json)).isEqualTo("{\"a\":{\"x\":\"  keep inner spaces  \",\"y\":true},\"b\":[3,{\"a\":[],\"z\":null},[[1],{}]]}");
    }

    @ParameterizedTest(name = "U+{0} is written as {1}")
    @CsvSource({
            "0000, \\u0000", "0001, \\u0001", "0008, \\b", "0009, \\t", "000a, \\n", "000b, \\u000b",
            "000c, \\f", "000d, \\r", "001a, \\u001a", "001f, \\u001f", "0022, \\\"", "005c, \\\\"})
    void control_characters_quote_and_backslash_are_escaped_as_json_stringify_does(String codeUnit, String escaped) {
        // Short forms where JSON has one, otherwise backslash-u and four lowercase hex digits.
        String value = String.valueOf((char) Integer.parseInt(codeUnit, 16));

        assertThat(canonicalString(value)).isEqualTo("\"" + escaped + "\"");
    }

    @Test
    void slash_delete_and_non_ascii_characters_are_written_unescaped_in_utf8() {
        String value = "/\u007f é中😀";

        byte[] bytes = Jcs.canonicalize(JsonNodeFactory.instance.textNode(value));

        assertThat(bytes).isEqualTo(("\"" + value + "\"").getBytes(StandardCharsets.UTF_8));
        // Spot-check the UTF-8 itself, independent of how Java encodes the expectation.
        assertThat(Jcs.canonicalize(JsonNodeFactory.instance.textNode("€"))).containsExactly(0x22, 0xe2, 0x82, 0xac, 0x22);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 0", "-0, 0", "-0.0, 0", "42, 42", "-42, -42", "123456789012, 123456789012",
            "1E30, 1e+30", "1e21, 1e+21", "1e20, 100000000000000000000", "1e-7, 1e-7", "0.000001, 0.000001",
            "4.50, 4.5", "2e-3, 0.002", "123e-20, 1.23e-18",
            // beyond 2^53 a JSON integer is the nearest double, as JSON.parse makes it
            "9007199254740993, 9007199254740992",
            // beyond a long: 2^68, read as a BigInteger
            "295147905179352825856, 295147905179352830000"})
    void parsed_numbers_are_written_in_ecmascript_form(String json, String expected) {
        assertThat(canonical(json)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"})
    void the_rfc_8785_number_vectors_are_written_as_published(String ieee754Bits, String expected) {
        // RFC 8785 appendix B gives these doubles by their bit patterns.
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754Bits, 16));

        assertThat(new String(Jcs.canonicalize(DoubleNode.valueOf(value)), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void non_finite_numbers_are_rejected(double value) {
        // JSON has no spelling for them; writing "NaN" or "Infinity" would sign something no verifier can parse.
        assertThatIllegalArgumentException().isThrownBy(() -> Jcs.canonicalize(DoubleNode.valueOf(value)));
    }

    @Test
    void a_number_too_large_for_a_double_is_rejected() {
        // Jackson reads 1e400 as Infinity rather than failing, so the canonicaliser is the last line.
        assertThatIllegalArgumentException().isThrownBy(() -> Jcs.canonicalize(parse("[1e400]")));
    }

    @Test
    void a_lone_surrogate_is_rejected_but_a_surrogate_pair_is_written() {
        // A lone surrogate has no UTF-8 form; writing it as '?' would give "\ud800" and "?" one signature.
        assertThatIllegalArgumentException().isThrownBy(() -> canonicalString("a\ud800b"));
        assertThatIllegalArgumentException().isThrownBy(() -> canonicalString("\udc00"));
        assertThat(canonicalString("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
    }

    @Test
    void the_writer_writes_what_canonicalize_makes_of_the_same_members() {
        String json = """
                {"a": ["x", {"b": null, "c": "\\u0001\\"\\\\ \u00f6"}, []], "\ud83d\ude00": {}, "z": "end"}
                """;
        Jcs.Writer writer = new Jcs.Writer().beginObject();
        writer.name("a").beginArray().string("x").beginObject().member("b", null).member("c", "\u0001\"\\ \u00f6").end()
                .beginArray().end().end();
        // UTF-16 order: "z" (007a) before the emoji's high surrogate (d83d)
        writer.member("z", "end").name("\ud83d\ude00").beginObject().end().end();

        assertThat(new String(writer.toBytes(), StandardCharsets.UTF_8)).isEqualTo(canonical(json));
    }

    @Test
    void the_writer_refuses_members_out_of_canonical_order_and_unclosed_documents() {
        assertThatIllegalStateException().isThrownBy(() -> new Jcs.Writer().beginObject().member("type", "x").member("id", "y"));
        assertThatIllegalStateException().isThrownBy(() -> new Jcs.Writer().beginObject().member("id", "x").member("id", "y"));
        // UTF-16 order: the emoji's high surrogate d83d sorts before U+FB33
        assertThatIllegalStateException().isThrownBy(() -> new Jcs.Writer().beginObject().member("\ufb33", "x").member("\ud83d\ude00", "y"));
        assertThatIllegalStateException().isThrownBy(() -> new Jcs.Writer().beginArray().member("id", "x"));
        assertThatIllegalStateException().isThrownBy(() -> new Jcs.Writer().beginObject().member("id", "x").toBytes());
        assertThatIllegalArgumentException().isThrownBy(() -> new Jcs.Writer().string("\udc00"));
    }

    private static String canonical(String json) {
        return new String(Jcs.canonicalize(parse(json)), StandardCharsets.UTF_8);
    }

    private static String canonicalString(String value) {
        return new String(Jcs.canonicalize(JsonNodeFactory.instance.textNode(value)), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test input is not JSON: " + json, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = JcsTest.class.getResourceAsStream("/jcs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /jcs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
