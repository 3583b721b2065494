package com.etitle.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.InflaterOutputStream;

import org.junit.jupiter.api.Test;

class TokenStatusBitsTest {

    /** The example of draft-ietf-oauth-status-list §4.1 for two bits a token: statuses at indexes 0 to 11. */
    @Test
    void entries_fill_each_byte_from_its_least_significant_bits_as_the_draft_example_shows() throws Exception {
        TokenStatusBits bits = new TokenStatusBits(12);
        int[] statuses = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};
        for (int i = 0; i < statuses.length; i++) {
            bits.set(i, statuses[i]);
        }

        int[] raw = inflate(Base64.getUrlDecoder().decode(bits.lst()));

        // byte 0: entries 3,2,1,0 = 11 00 10 01 = 0xC9; byte 1: 01 00 01 00 = 0x44; byte 2: 11 11 10 01 = 0xF9
        assertThat(raw).containsExactly(0xC9, 0x44, 0xF9);
        for (int i = 0; i < statuses.length; i++) {
            assertThat(bits.get(i)).as("entry " + i).isEqualTo(statuses[i]);
        }
    }

    @Test
    void setting_an_entry_again_replaces_it_and_leaves_its_neighbours() {
        TokenStatusBits bits = new TokenStatusBits(8);
        bits.set(4, TokenStatusBits.SUSPENDED);
        bits.set(5, TokenStatusBits.INVALID);
        bits.set(4, TokenStatusBits.INVALID);

        assertThat(bits.get(4)).isEqualTo(TokenStatusBits.INVALID);
        assertThat(bits.get(5)).isEqualTo(TokenStatusBits.INVALID);
        assertThat(bits.get(3)).isEqualTo(TokenStatusBits.VALID);
    }

    private static int[] inflate(byte[] compressed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InflaterOutputStream inflater = new InflaterOutputStream(out)) {
            inflater.write(compressed);
        }
        byte[] bytes = out.toByteArray();
        int[] unsigned = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            unsigned[i] = bytes[i] & 0xFF;
        }
        return unsigned;
    }
}
