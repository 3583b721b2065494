package com.etitle.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Numbers and codes are drawn whole; every position must still carry every symbol, and the check digit still catch a typo. */
class CertificateNumbersTest {

    private static final int DRAWS = 3000;

    @Test
    void a_number_is_the_year_twelve_random_digits_and_a_luhn_check_digit() {
        List<String> numbers = IntStream.range(0, DRAWS).mapToObj(i -> CertificateNumbers.newNumber(2026)).toList();

        assertThat(numbers).allSatisfy(n -> assertThat(n).matches("2026[0-9]{13}")).allMatch(CertificateNumbers::wellFormed);
        assertThat(new HashSet<>(numbers)).hasSize(DRAWS);
        for (int position = 4; position < 16; position++) {
            assertThat(symbolsAt(numbers, position)).as("digits at position %d", position).hasSize(10);
        }
    }

    @Test
    void a_number_with_one_digit_mistyped_is_not_well_formed() {
        String number = CertificateNumbers.newNumber(2026);
        for (int position = 0; position < number.length(); position++) {
            char typo = (char) ('0' + (number.charAt(position) - '0' + 1) % 10);
            String mistyped = number.substring(0, position) + typo + number.substring(position + 1);

            assertThat(CertificateNumbers.wellFormed(mistyped)).as(mistyped).isFalse();
        }
        assertThat(CertificateNumbers.wellFormed(number.substring(1))).isFalse();
        assertThat(CertificateNumbers.wellFormed(null)).isFalse();
    }

    @Test
    void a_verification_code_is_eight_characters_of_the_alphabet_without_look_alikes_at_every_position() {
        List<String> codes = IntStream.range(0, DRAWS).mapToObj(i -> CertificateNumbers.newVerificationCode()).toList();

        assertThat(codes).allSatisfy(c -> assertThat(c).matches("[2-9A-HJKMNP-TV-Z]{8}").doesNotContain("0", "O", "1", "I", "L", "U"));
        for (int position = 0; position < 8; position++) {
            assertThat(symbolsAt(codes, position)).as("characters at position %d", position).hasSize(30);
        }
    }

    private static Set<Character> symbolsAt(List<String> values, int position) {
        Set<Character> seen = new HashSet<>();
        values.forEach(v -> seen.add(v.charAt(position)));
        return seen;
    }
}
