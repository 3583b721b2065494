package com.etitle.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signatures and keys travel as text, and a verifier must never accept two spellings of one signature:
 * a token that decodes leniently could be altered without touching what was signed, and records keyed
 * on the token text would then disagree.
 */
class EncodingsTest {

    private static final String BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** A 64-byte value, the size of both our signatures: 86 characters, the last carrying 4 unused bits. */
    private static final byte[] SIGNATURE_SIZED = bytes(IntStream.range(0, 64).map(i -> i * 37 + 11));

    @Test
    void base64url_accepts_the_canonical_unpadded_encoding() {
        String text = Encodings.base64Url(SIGNATURE_SIZED);

        assertThat(text).hasSize(86);
        assertThat(Encodings.base64UrlStrict(text)).hasValue(SIGNATURE_SIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AQ==", "AQ=", "AQI=", "+w", "/w", "A Q", "AQ\n", " AQ", "AQ\t", "A", "AQIDB"})
    void base64url_rejects_padding_standard_alphabet_white_space_and_impossible_lengths(String text) {
        assertThat(Encodings.base64UrlStrict(text)).isEmpty();
    }

    @Test
    void base64url_rejects_a_final_character_that_differs_only_in_unused_bits() {
        String canonical = Encodings.base64Url(SIGNATURE_SIZED);
        char last = canonical.charAt(canonical.length() - 1);
        char sameBytes = BASE64URL_ALPHABET.charAt(BASE64URL_ALPHABET.indexOf(last) ^ 0b0001);
        String altered = canonical.substring(0, canonical.length() - 1) + sameBytes;

        // The JDK decoder ignores the unused bits, so strictness is what tells the two strings apart.
        assertThat(Base64.getUrlDecoder().decode(altered)).isEqualTo(SIGNATURE_SIZED);
        assertThat(Encodings.base64UrlStrict(altered)).isEmpty();
    }

    @Test
    void base64url_rejects_null() {
        assertThat(Encodings.base64UrlStrict(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // draft-msporny-base58 test vectors
            "48656c6c6f20576f726c6421, 2NEpo7TZRRrLZSi2U",
            "54686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f672e, "
                    + "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
            "0000287fb4cd, 11233QC4",
            // every leading zero byte is one '1', including when nothing else follows
            "00, 1",
            "000000, 111",
            "0000ff, 115Q"})
    void base58_encodes_the_published_vectors_and_decodes_them_back(String hex, String base58) {
        byte[] data = HexFormat.of().parseHex(hex);

        assertThat(Encodings.base58(data)).isEqualTo(base58);
        assertThat(Encodings.base58Strict(base58)).hasValue(data);
    }

    @Test
    void base58_is_the_number_in_base_58_after_a_1_per_leading_zero_byte_for_any_length() {
        Random random = new Random(58);
        for (int length = 0; length <= 96; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            for (int i = 0; i < Math.min(length, random.nextInt(4)); i++) {
                data[i] = 0;
            }

            assertThat(Encodings.base58(data)).as(HexFormat.of().formatHex(data)).isEqualTo(base58ByDivision(data));
        }
        assertThat(Encodings.base58(new byte[] {0, 0, 0})).isEqualTo("111");
    }

    /** The definition, as Encodings computed it before: repeated division of the number the bytes spell. */
    private static String base58ByDivision(byte[] data) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        java.math.BigInteger n = new java.math.BigInteger(1, data);
        while (n.signum() > 0) {
            java.math.BigInteger[] qr = n.divideAndRemainder(java.math.BigInteger.valueOf(58));
            sb.append(alphabet.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    @Test
    void base58_round_trips_random_bytes_with_leading_zeros() {
        byte[] data = new byte[40];
        new Random(8785).nextBytes(data);
        data[0] = 0;
        data[1] = 0;

        assertThat(Encodings.base58(data)).startsWith("11").doesNotStartWith("111");
        assertThat(Encodings.base58Strict(Encodings.base58(data))).hasValue(data);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "O", "I", "l", "2NEpo7TZ0RrLZSi2U", "2NEpo7TZ+RrLZSi2U", " 2NEpo7TZRRrLZSi2U"})
    void base58_rejects_characters_outside_the_bitcoin_alphabet_and_empty_text(String text) {
        assertThat(Encodings.base58Strict(text)).isEmpty();
    }

    @Test
    void multibase_accepts_the_z_prefix_of_base58btc() {
        byte[] data = "multibase".getBytes(StandardCharsets.US_ASCII);

        assertThat(Encodings.multibase(data)).isEqualTo("z" + Encodings.base58(data));
        assertThat(Encodings.multibaseStrict(Encodings.multibase(data))).hasValue(data);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "Z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
            "u7QE", "f00ff", "z", ""})
    void multibase_rejects_other_prefixes_and_a_bare_prefix(String text) {
        // Only base58btc is used; a 'u' (base64url) or 'f' (hex) value is refused rather than guessed at.
        assertThat(Encodings.multibaseStrict(text)).isEmpty();
    }

    private static byte[] bytes(IntStream values) {
        int[] ints = values.toArray();
        byte[] out = new byte[ints.length];
        for (int i = 0; i < ints.length; i++) {
            out[i] = (byte) ints[i];
        }
        return out;
    }
}
