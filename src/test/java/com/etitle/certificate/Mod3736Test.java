package com.etitle.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * ISO/IEC 7064 MOD 37,36 against examples worked by hand. Values: 0–9 are 0–9, A–Z are 10–35. One step from the running
 * value P (36 at the start) with a character of value a: S = (P + a) mod 36, taken as 36 when 0; then P = 2S mod 37.
 * The check character has the value (37 − P) mod 36.
 */
class Mod3736Test {

    @Test
    void the_check_character_of_A1_is_W() {
        // A = 10: S = (36 + 10) mod 36 = 10, P = 20 mod 37 = 20
        // 1 = 1:  S = (20 + 1) mod 36 = 21,  P = 42 mod 37 = 5
        // check = (37 − 5) mod 36 = 32 = W
        assertThat(Mod3736.checkCharacter("A1")).isEqualTo('W');
        assertThat(Mod3736.holds("A1W")).isTrue();
    }

    @Test
    void the_check_character_of_2026_is_M() {
        // 2: S = 38 mod 36 = 2,  P = 4
        // 0: S = 4,              P = 8
        // 2: S = 10,             P = 20
        // 6: S = 26,             P = 52 mod 37 = 15
        // check = (37 − 15) mod 36 = 22 = M
        assertThat(Mod3736.checkCharacter("2026")).isEqualTo('M');
        assertThat(Mod3736.holds("2026M")).isTrue();
    }

    @Test
    void a_zero_whose_sum_is_36_counts_as_36_and_its_check_character_is_2() {
        // 0: S = (36 + 0) mod 36 = 0, taken as 36; P = 72 mod 37 = 35; check = (37 − 35) mod 36 = 2
        assertThat(Mod3736.checkCharacter("0")).isEqualTo('2');
    }

    @Test
    void strings_published_as_valid_mod_37_36_examples_hold() {
        // examples of MOD 37,36 found in the test suites of independent standard-number libraries
        assertThat(Mod3736.checkCharacter("A12425GABC1234002")).isEqualTo('M');
        assertThat(Mod3736.checkCharacter("B159D8FA01240000")).isEqualTo('K');
        assertThat(Mod3736.checkCharacter("188166C734200000")).isEqualTo('3');
        assertThat(Mod3736.holds("A12425GABC1234002M")).isTrue();
        assertThat(Mod3736.holds("A12425GABC1234002N")).isFalse();
    }

    @Test
    void the_identifier_of_the_example_is_checked_over_its_parts_without_dots_or_root() {
        String parts = "11100000000000000J000" + "11990000TEA000001J" + "20264821937465019" + "001";

        assertThat(Mod3736.checkCharacter(parts)).isEqualTo('4');
        assertThat(LicenceId.EXAMPLE).isEqualTo(LicenceId.ROOT + ".11100000000000000J000.11990000TEA000001J.20264821937465019.001.4");
        assertThat(LicenceId.parse(LicenceId.EXAMPLE)).contains(new LicenceId("11100000000000000J000", "11990000TEA000001J",
                "20264821937465019", "001"));
    }

    @Test
    void two_neighbours_whose_values_differ_by_one_after_the_running_value_18_minus_the_smaller_swap_unseen() {
        // the one transposition MOD 37,36 cannot see. From the start, P = 36 ≡ 18 − 18: I (18) and J (19).
        // IJ: I: S = (36 + 18) mod 36 = 18, P = 36; J: S = (36 + 19) mod 36 = 19, P = 38 mod 37 = 1
        // JI: J: S = 19, P = 1;                   I: S = (1 + 18) = 19,           P = 1
        // both end at P = 1, so both have the check character (37 − 1) mod 36 = 0
        assertThat(Mod3736.checkCharacter("IJ")).isEqualTo('0').isEqualTo(Mod3736.checkCharacter("JI"));
        // other neighbours there are seen. HI: H: S = 17, P = 34; I: S = (34 + 18) mod 36 = 16, P = 32 → check 5
        //                                 IH: I: S = 18, P = 36; H: S = (36 + 17) mod 36 = 17, P = 34 → check 3
        assertThat(Mod3736.checkCharacter("HI")).isNotEqualTo(Mod3736.checkCharacter("IH"));
    }

    @Test
    void a_character_outside_the_alphabet_or_a_string_too_short_never_holds() {
        assertThat(Mod3736.holds("a1W")).isFalse();
        assertThat(Mod3736.holds("A1w")).isFalse();
        assertThat(Mod3736.holds("A.1W")).isFalse();
        assertThat(Mod3736.holds("W")).isFalse();
        assertThat(Mod3736.holds("")).isFalse();
    }
}
