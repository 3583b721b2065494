package com.etitle.support;

import java.util.List;
import java.util.stream.Stream;

/**
 * One table of telephone numbers and e-mail addresses with what each is, shared by every test of a contact
 * field, so that all paths are held to the same verdicts.
 */
public final class ContactValues {

    public enum Kind {
        PHONE, EMAIL, NEITHER
    }

    public record Value(String text, Kind kind) {

        @Override
        public String toString() {
            return "'" + text + "' (" + kind + ")";
        }
    }

    public static final List<Value> ALL = List.of(
            // mobiles, written the ways people write them
            phone("13912345678"), phone("139-1234-5678"), phone("139 1234 5678"), phone("+86 139 1234 5678"), phone("86 13912345678"),
            phone("008613912345678"),
            // landlines with their area code, with and without an extension
            phone("0931-8123456"), phone("(0931)8123456"), phone("（0931）8123456"), phone("010-12345678"), phone("0931-8123456转8001"),
            phone("0931-8123456 ext. 12"), phone("+86-931-8123456"),
            // service and 400 numbers
            phone("12333"), phone("0931-12333"), phone("400-123-4567"),
            // not telephone numbers
            neither("call us"), neither("8123456"), neither("110"), neither("1391234567"), neither("12912345678"),
            neither("0931-812345678"), neither("000-12345678"), neither("+1 212 555 0100"), neither("１３９１２３４５６７８"),
            neither("13912345678; 0931-8123456"),
            // e-mail addresses, and what only looks like one
            email("objector@example.cn"), email("zhao.liu+gs@mail.example.com.cn"), email("a_b%c-d@x-y.cn"),
            neither("a..b@example.cn"), neither(".a@example.cn"), neither("a@-example.cn"), neither("someone@localhost"),
            neither("someone@"), neither("赵六@example.cn"));

    private ContactValues() {
    }

    public static Stream<Value> all() {
        return ALL.stream();
    }

    private static Value phone(String text) {
        return new Value(text, Kind.PHONE);
    }

    private static Value email(String text) {
        return new Value(text, Kind.EMAIL);
    }

    private static Value neither(String text) {
        return new Value(text, Kind.NEITHER);
    }
}
