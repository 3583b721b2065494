package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.etitle.support.ContactValues;

/** The one telephone rule (committees, notices, objections): loose about how a number is written, strict about what it is. */
class ContactPhoneTest {

    @ParameterizedTest(name = "''{0}'' is accepted")
    @ValueSource(strings = {"0931-8123456", "09318123456", "(0931)8123456", "（0931）8123456", "010-12345678", "0931 812 3456",
        "0931-8123456-8001", "0931-8123456转8001", "0931-8123456 ext. 12", "13912345678", "139 1234 5678", "+86 139 1234 5678", "+86-931-8123456",
        "008613912345678", "12333", "0931-12333", "400-123-4567", "800 123 4567"})
    void usual_ways_of_writing_mainland_numbers_are_accepted(String phone) {
        assertThat(Fields.isPhone(phone)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @ValueSource(strings = {"call us", "8123456", "12345678", "110", "1391234567", "139123456789", "12912345678",
        "0931-812345678", "+1 212 555 0100", "+86 0931 8123456x", "0931-8123456-1234567", "400-123-456", "13912345678; 0931-8123456",
        "１３９１２３４５６７８"})
    void anything_else_is_rejected(String phone) {
        assertThat(Fields.isPhone(phone)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contacts")
    void each_value_of_the_shared_table_is_a_phone_an_email_or_neither(ContactValues.Value value) {
        assertThat(Fields.isPhone(value.text())).as("phone").isEqualTo(value.kind() == ContactValues.Kind.PHONE);
        assertThat(Fields.isEmail(value.text())).as("e-mail").isEqualTo(value.kind() == ContactValues.Kind.EMAIL);
    }

    static Stream<ContactValues.Value> contacts() {
        return ContactValues.all();
    }
}
