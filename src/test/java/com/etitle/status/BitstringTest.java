package com.etitle.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.BitSet;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.etitle.certificate.StatusList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published list read back the way a verifier reads it (W3C Bitstring Status List §3.2, "Validate
 * Algorithm"): strip the multibase {@code u}, base64url-decode, GUNZIP, then take bit {@code i} as the
 * {@code (i % 8)}-th bit from the left of byte {@code i / 8}. The decoder here is written from the
 * specification, not with {@link Bitstring}, so a bit order flipped in both would still be caught by the
 * explicit byte values.
 */
class BitstringTest {

    private static final int SIZE = StatusList.SIZE;

    @Test
    void exactly_the_set_indices_read_back_as_set() {
        BitSet expected = new BitSet(SIZE);
        Random random = new Random(20260618);
        for (int i = 0; i < SIZE / 100; i++) {
            expected.set(random.nextInt(SIZE));
        }
        expected.set(0);
        expected.set(7);
        expected.set(8);
        expected.set(SIZE - 1);
        Bitstring bits = new Bitstring(SIZE);
        expected.stream().forEach(bits::set);

        byte[] decoded = decode(bits.encoded());

        assertThat(decoded).hasSize(SIZE / 8);
        BitSet actual = new BitSet(SIZE);
        for (int i = 0; i < SIZE; i++) {
            if (specBit(decoded, i)) {
                actual.set(i);
            }
        }
        assertThat(actual).isEqualTo(expected);
        for (int i = 0; i < SIZE; i++) {
            assertThat(bits.get(i)).as("get(%d)", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void index_0_is_the_most_significant_bit_of_the_first_byte() {
        Bitstring bits = new Bitstring(SIZE);
        bits.set(0);
        bits.set(7);
        bits.set(8);
        bits.set(SIZE - 1);

        byte[] decoded = decode(bits.encoded());

        assertThat(decoded[0]).as("indices 0 and 7").isEqualTo((byte) 0b1000_0001);
        assertThat(decoded[1]).as("index 8").isEqualTo((byte) 0b1000_0000);
        assertThat(decoded[SIZE / 8 - 1]).as("index 131071").isEqualTo((byte) 0b0000_0001);
        for (int i = 2; i < SIZE / 8 - 1; i++) {
            assertThat(decoded[i]).as("byte %d", i).isZero();
        }
    }

    @Test
    void a_neighbour_of_a_set_index_is_not_set() {
        Bitstring bits = new Bitstring(SIZE);
        bits.set(8);

        byte[] decoded = decode(bits.encoded());

        assertThat(specBit(decoded, 8)).isTrue();
        assertThat(specBit(decoded, 7)).isFalse();
        assertThat(specBit(decoded, 9)).isFalse();
        assertThat(specBit(decoded, 15)).as("the mirror image of 8 within its byte").isFalse();
    }

    @Test
    void the_encoded_list_is_multibase_base64url_without_padding() {
        Bitstring bits = new Bitstring(SIZE);
        bits.set(12345);

        String encoded = bits.encoded();

        assertThat(encoded).startsWith("u");
        assertThat(encoded.substring(1)).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void an_empty_list_decodes_like_the_example_of_the_specification() {
        // the encodedList of the W3C specification's example credential: 131,072 entries, none set
        byte[] example = decode("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA");

        assertThat(decode(new Bitstring(SIZE).encoded())).isEqualTo(example).hasSize(SIZE / 8);
    }

    @Test
    void a_size_that_is_not_a_whole_number_of_bytes_is_refused() {
        assertThatThrownBy(() -> new Bitstring(SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Bit {@code index} as the specification defines it: left to right within each byte. */
    private static boolean specBit(byte[] bytes, int index) {
        return (bytes[index / 8] & 0xff & (0x80 >>> (index % 8))) != 0;
    }

    private static byte[] decode(String encodedList) {
        assertThat(encodedList).startsWith("u");
        byte[] compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return gunzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
