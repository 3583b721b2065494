package com.etitle.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.etitle.authority.CreditCodes;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * What the e-licence identifier's checks catch, over identifiers of any type code, issuer, serial and version. A single
 * substituted character anywhere is always refused. An adjacent transposition is refused everywhere but in one case:
 * MOD 37,36 cannot see a swap of two characters whose values differ by one where its running value is 18 minus the
 * smaller (see {@link Mod3736}); inside a credit code its GB 32100 check character and inside the serial its Luhn digit
 * catch those, so they pass only within the three digits of the type code or of the version, and exactly then.
 */
class LicenceIdPropertyTest {

    private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String TYPED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.";

    @Provide
    Arbitrary<LicenceId> identifiers() {
        Arbitrary<String> creditCodes = Arbitraries.strings().withChars(CREDIT_CODE_CHARACTERS.toCharArray()).ofLength(17)
                .map(CreditCodes::withCheckCharacter);
        Arbitrary<String> typeDigits = Arbitraries.strings().numeric().ofLength(3);
        Arbitrary<String> serials = Combinators.combine(Arbitraries.integers().between(2000, 2099), Arbitraries.strings().numeric().ofLength(12))
                .as((year, digits) -> withLuhnDigit(year + digits));
        Arbitrary<String> versions = Arbitraries.integers().between(1, 999).map(v -> String.format("%03d", v));
        return Combinators.combine(creditCodes, typeDigits, creditCodes, serials, versions)
                .as((ministry, type, issuer, serial, version) -> new LicenceId(ministry + type, issuer, serial, version));
    }

    /** Mostly what a person types by mistake (a character of the identifiers' alphabets, a dot), sometimes anything. */
    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.chars().with(TYPED.toCharArray())),
                Tuple.of(1, Arbitraries.chars().range('a', 'z')),
                Tuple.of(1, Arbitraries.chars()));
    }

    @Property
    void an_identifier_reads_back_as_itself_and_has_the_form_the_database_accepts(@ForAll("identifiers") LicenceId id) {
        assertThat(LicenceId.parse(id.text())).contains(id);
        assertThat(id.text()).hasSize(79)
                .matches("^1\\.2\\.156\\.3005\\.2\\.[0-9A-Z]{21}\\.[0-9A-Z]{18}\\.[0-9A-Z]+\\.[0-9]{3}\\.[0-9A-Z]$");
    }

    @Property
    void any_single_character_substituted_anywhere_is_refused(@ForAll("identifiers") LicenceId id, @ForAll @IntRange(max = 1000) int at,
            @ForAll("replacements") char replacement) {
        String text = id.text();
        int i = at % text.length();
        Assume.that(text.charAt(i) != replacement);

        String changed = text.substring(0, i) + replacement + text.substring(i + 1);

        assertThat(LicenceId.parse(changed)).as(changed).isEmpty();
    }

    @Property
    void any_adjacent_transposition_outside_the_digits_of_the_type_code_and_the_version_is_refused(@ForAll("identifiers") LicenceId id,
            @ForAll @IntRange(max = 1000) int at) {
        String text = id.text();
        int i = at % (text.length() - 1);
        Assume.that(text.charAt(i) != text.charAt(i + 1) && !inDigitsOnlyModCovers(id, i));

        assertThat(LicenceId.parse(swapped(text, i))).as(swapped(text, i)).isEmpty();
    }

    @Property
    void an_adjacent_transposition_in_those_digits_passes_exactly_where_mod_37_36_cannot_see_it(@ForAll("identifiers") LicenceId id,
            @ForAll @IntRange(min = 0, max = 3) int which) {
        String text = id.text();
        List<Integer> positions = digitPairsOnlyModCovers(id);
        int i = positions.get(which);
        Assume.that(text.charAt(i) != text.charAt(i + 1));

        assertThat(LicenceId.parse(swapped(text, i)).isPresent()).as(swapped(text, i)).isEqualTo(unseenByMod(id, i));
    }

    @Example
    void the_blind_spot_is_real_one_version_swap_in_about_thirty_six_that_differ_by_one_passes() {
        LicenceId example = LicenceId.parse(LicenceId.EXAMPLE).orElseThrow();
        List<String> passed = new ArrayList<>();
        for (int v = 1; v <= 999; v++) {
            String version = String.format("%03d", v);
            LicenceId id = new LicenceId(example.typeCode(), example.issuerCode(), example.serial(), version);
            String text = id.text();
            int i = text.length() - 4;
            if (text.charAt(i) != text.charAt(i + 1) && LicenceId.parse(swapped(text, i)).isPresent()) {
                passed.add(version);
                assertThat(Math.abs(text.charAt(i) - text.charAt(i + 1))).isEqualTo(1);
                assertThat(unseenByMod(id, i)).isTrue();
            }
        }
        // a swap of the version's last two digits: 900 versions have two different ones, 180 of them neighbours
        assertThat(passed).isNotEmpty().hasSizeLessThan(20);
    }

    // --- where each part is in the text, and what MOD 37,36 sees

    private static int typeStart() {
        return LicenceId.ROOT.length() + 1;
    }

    private static int versionStart(LicenceId id) {
        return typeStart() + id.typeCode().length() + 1 + id.issuerCode().length() + 1 + id.serial().length() + 1;
    }

    /** The first positions of the neighbouring pairs inside the type code's three digits and the version. */
    private static List<Integer> digitPairsOnlyModCovers(LicenceId id) {
        int typeDigits = typeStart() + 18;
        return List.of(typeDigits, typeDigits + 1, versionStart(id), versionStart(id) + 1);
    }

    private static boolean inDigitsOnlyModCovers(LicenceId id, int i) {
        return digitPairsOnlyModCovers(id).contains(i);
    }

    /** MOD 37,36's blind spot at this pair: values a and a + 1, after a running value P ≡ 18 − a (mod 36). */
    private static boolean unseenByMod(LicenceId id, int i) {
        String checked = id.typeCode() + id.issuerCode() + id.serial() + id.version();
        int inChecked = i < versionStart(id) ? i - typeStart() : checked.length() - 3 + (i - versionStart(id));
        int p = Mod3736.run(checked.substring(0, inChecked));
        int a = Mod3736.valueOf(checked.charAt(inChecked));
        int b = Mod3736.valueOf(checked.charAt(inChecked + 1));
        return Math.abs(a - b) == 1 && (p + Math.min(a, b)) % 36 == 18;
    }

    private static String swapped(String text, int i) {
        return text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2);
    }

    private static String withLuhnDigit(String sixteen) {
        for (char d = '0'; d <= '9'; d++) {
            if (CertificateNumbers.wellFormed(sixteen + d)) {
                return sixteen + d;
            }
        }
        throw new IllegalStateException("no Luhn digit for " + sixteen);
    }
}
