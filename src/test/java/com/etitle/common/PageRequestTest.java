package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The paging rule on its own: plain digits in range, given once, and no offset past the cap. */
class PageRequestTest {

    @Test
    void absent_parameters_take_page_0_and_the_list_default_size() {
        assertThat(PageRequest.of(null, null, 20)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(List.of(), List.of(), 50)).isEqualTo(new PageRequest(0, 50));
    }

    @Test
    void plain_digits_in_range_are_accepted() {
        assertThat(PageRequest.of(List.of("3"), List.of("7"), 20)).isEqualTo(new PageRequest(3, 7));
        assertThat(PageRequest.of(List.of("0"), List.of("1"), 20)).isEqualTo(new PageRequest(0, 1));
        assertThat(PageRequest.of(List.of("007"), List.of("0100"), 20)).isEqualTo(new PageRequest(7, 100));
        assertThat(PageRequest.of(List.of("7"), List.of("3"), 20).offset()).isEqualTo(21);
    }

    @Test
    void the_offset_may_reach_the_cap_but_not_pass_it() {
        assertThat(PageRequest.of(List.of("10000"), List.of("100"), 20).offset()).isEqualTo(PageRequest.MAX_OFFSET);
        assertThat(PageRequest.of(List.of("1000000"), List.of("1"), 20).offset()).isEqualTo(PageRequest.MAX_OFFSET);
        assertRefused(List.of("10001"), List.of("100"), "page");
        assertRefused(List.of("50001"), null, "page");
        assertRefused(List.of("2147483647"), List.of("100"), "page");
    }

    @ParameterizedTest(name = "page \"{0}\" is refused")
    @ValueSource(strings = {"x", "-1", "", "1.5", "+1", " 1", "1 ", "1e3", "0x10", "2147483648", "99999999999999999999", "１", "١"})
    void a_page_that_is_not_plain_digits_within_an_int_is_refused(String page) {
        assertRefused(List.of(page), null, "page");
    }

    @ParameterizedTest(name = "size \"{0}\" is refused")
    @ValueSource(strings = {"x", "-1", "", "1.5", "+1", " 1", "2147483648", "0", "101", "00", "１"})
    void a_size_that_is_not_plain_digits_from_1_to_100_is_refused(String size) {
        assertRefused(null, List.of(size), "size");
    }

    @Test
    void a_repeated_parameter_is_refused_even_when_both_values_agree() {
        assertRefused(List.of("1", "2"), null, "page");
        assertRefused(List.of("1", "1"), null, "page");
        assertRefused(null, List.of("10", "20"), "size");
    }

    @Test
    void both_parameters_are_named_when_both_are_wrong() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> PageRequest.of(List.of("-1"), List.of("500"), 20));

        assertThat(e.type()).isEqualTo(ProblemType.INVALID_QUERY);
        assertThat(e.invalidParams()).extracting(Invalid::name).containsExactly("page", "size");
    }

    @Test
    void a_list_that_checks_other_parameters_gets_the_errors_added_to_its_own() {
        List<Invalid> errors = new ArrayList<>(List.of(Invalid.of("level", "reason.one-of", "[SENIOR, INTERMEDIATE]")));

        PageRequest fallback = PageRequest.of(List.of("x"), List.of("20"), 20, errors);

        assertThat(errors).extracting(Invalid::name).containsExactly("level", "page");
        assertThat(fallback).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(List.of("2"), List.of("20"), 20, errors)).isEqualTo(new PageRequest(2, 20));
        assertThat(errors).hasSize(2);
    }

    @Test
    void a_page_request_cannot_be_built_outside_the_rule() {
        assertThatThrownBy(() -> new PageRequest(-1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(0, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(Integer.MAX_VALUE, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(List<String> page, List<String> size, String named) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> PageRequest.of(page, size, 20));

        assertThat(e).as("page %s, size %s", page, size).isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.INVALID_QUERY);
        assertThat(e.invalidParams()).extracting(Invalid::name).containsExactly(named);
        assertThat(e.getMessage()).startsWith(named + " ");
    }
}
