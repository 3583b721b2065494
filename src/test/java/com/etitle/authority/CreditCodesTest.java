package com.etitle.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Unified social credit codes (GB 32100): the check character, and the codes we configure. */
class CreditCodesTest {

    @Test
    void the_check_character_of_the_standards_worked_example_is_3() {
        // 9 1 3 5 0 1 0 0 M(21) 0 0 0 1 0 0 Y(30) 4, weights 3^(i-1) mod 31: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
        // Σ = 9 + 3 + 27 + 135 + 0 + 26 + 0 + 0 + 420 + 0 + 0 + 0 + 8 + 0 + 0 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3
        assertThat(CreditCodes.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCodes.valid("91350100M000100Y43")).isTrue();
        assertThat(CreditCodes.valid("91350100M000100Y4Z")).as("the example's wrong check character").isFalse();
    }

    @Test
    void a_sum_that_is_a_multiple_of_31_has_the_check_character_0() {
        // 11100000000000000: 1·1 + 1·3 + 1·9 = 13, so its check character is 31 − 13 = 18 = J
        assertThat(CreditCodes.checkCharacter("11100000000000000")).isEqualTo('J');
        // 1·1 + 10(A)·3 = 31 ≡ 0: check 0
        assertThat(CreditCodes.checkCharacter("1A000000000000000")).isEqualTo('0');
    }

    @Test
    void every_single_substitution_and_adjacent_transposition_of_a_valid_code_is_refused() {
        String code = "11990000TEA000001J";
        for (int i = 0; i < 18; i++) {
            for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.a".toCharArray()) {
                if (c != code.charAt(i)) {
                    String changed = code.substring(0, i) + c + code.substring(i + 1);
                    assertThat(CreditCodes.valid(changed)).as(changed).isFalse();
                }
            }
            if (i < 17 && code.charAt(i) != code.charAt(i + 1)) {
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                assertThat(CreditCodes.valid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void letters_the_alphabet_leaves_out_wrong_lengths_and_nothing_are_refused() {
        assertThat(CreditCodes.valid("11990000TES000001J")).as("S is not of the alphabet").isFalse();
        assertThat(CreditCodes.valid("11990000TEA000001")).isFalse();
        assertThat(CreditCodes.valid("11990000TEA000001JJ")).isFalse();
        assertThat(CreditCodes.valid(null)).isFalse();
        assertThatThrownBy(() -> CreditCodes.checkCharacter("11990000TEO000001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_codes_of_the_test_profile_are_valid() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        var codes = properties.stringPropertyNames().stream().filter(k -> k.endsWith(".credit-code")).map(properties::getProperty).toList();

        assertThat(codes).hasSize(5).allMatch(CreditCodes::valid);
    }
}
