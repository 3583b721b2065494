package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A walk over every problem text: each problem type has a title and each key a text in both languages, with the same
 * arguments; the code names no key that is missing and the files hold no key the code never names. Adding a text in one
 * language only, or naming a key that is in neither, fails here.
 */
class ProblemTextsTest {

    private static final Map<String, String> ENGLISH = ProblemTexts.all(PageLanguage.ENGLISH);
    private static final Map<String, String> CHINESE = ProblemTexts.all(PageLanguage.CHINESE);
    /** A string literal in the code that is a key of the problem texts. */
    private static final Pattern KEY = Pattern.compile("\"((?:title|detail|reason|consequence)\\.[a-z0-9.-]+)\"");

    @Test
    void every_problem_type_has_a_title_in_both_languages() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(ENGLISH).as("English title of %s", type).containsKey("title." + type.slug());
            assertThat(CHINESE).as("Chinese title of %s", type).containsKey("title." + type.slug());
            assertThat(type.title(PageLanguage.CHINESE)).as("Chinese title of %s", type).matches("(?s).*\\p{IsHan}.*");
            assertThat(type.title(PageLanguage.ENGLISH)).as("English title of %s", type).doesNotMatch("(?s).*\\p{IsHan}.*");
        }
        assertThat(ENGLISH.keySet().stream().filter(k -> k.startsWith("title.")))
                .as("a title for every problem type and no other").hasSize(ProblemType.values().length);
    }

    @Test
    void both_languages_hold_the_same_keys() {
        assertThat(difference(ENGLISH.keySet(), CHINESE.keySet())).as("in English only").isEmpty();
        assertThat(difference(CHINESE.keySet(), ENGLISH.keySet())).as("in Chinese only").isEmpty();
    }

    @Test
    void every_text_takes_the_same_arguments_in_both_languages_and_is_translated() {
        for (String key : ENGLISH.keySet()) {
            String en = ENGLISH.get(key);
            String zh = CHINESE.get(key);
            assertThat(en).as(key).isNotBlank();
            assertThat(zh).as(key).isNotBlank().isNotEqualTo(en);
            assertThat(ProblemTexts.arguments(zh)).as("arguments of %s", key).isEqualTo(ProblemTexts.arguments(en));
        }
    }

    @Test
    void every_key_the_code_names_is_in_both_languages_and_every_key_is_named_by_the_code() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).as("keys the code names").hasSizeGreaterThan(100);
        assertThat(difference(named, ENGLISH.keySet())).as("named by the code, missing in English").isEmpty();
        assertThat(difference(named, CHINESE.keySet())).as("named by the code, missing in Chinese").isEmpty();
        Set<String> unused = difference(ENGLISH.keySet(), named);
        unused.removeIf(k -> k.startsWith("title."));
        assertThat(unused).as("texts no code names").isEmpty();
    }

    /**
     * A call that builds a problem, its detail or a reason names keys and identifiers, never a sentence: a sentence would
     * compile (the key is a string) and then be missing from both languages.
     */
    @Test
    void no_call_that_builds_a_problem_writes_a_sentence_instead_of_a_key() throws IOException {
        Pattern call = Pattern.compile("(?:ProblemException|TooManyRequestsException|Invalid\\.of|ProblemText\\.of|\\bfail)\\(([^;]*);");
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        Set<String> sentences = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher calls = call.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (calls.find()) {
                    Matcher literals = literal.matcher(calls.group(1));
                    while (literals.find()) {
                        String text = literals.group(1);
                        if (text.contains(" ") && !KEY.matcher("\"" + text + "\"").matches()) {
                            sentences.add(source.getFileName() + ": " + text);
                        }
                    }
                }
            }
        }
        assertThat(sentences).as("sentences where a key belongs").isEmpty();
    }

    @Test
    void arguments_are_put_in_as_they_are_and_nested_texts_and_weekdays_follow_the_language() {
        ProblemText text = ProblemText.of("detail.invalid-fields.many", 1234, ProblemText.of("consequence.nothing-issued"));
        assertThat(text.in(PageLanguage.ENGLISH)).isEqualTo("1234 invalid fields; nothing was issued");
        assertThat(text.in(PageLanguage.CHINESE)).isEqualTo("1234 个字段无效；没有签发任何证书");

        ProblemText weekday = ProblemText.of("reason.calendar.not-weekend", "2026-10-07", DayOfWeek.WEDNESDAY);
        assertThat(weekday.in(PageLanguage.ENGLISH)).startsWith("2026-10-07 is a Wednesday, not a Saturday or Sunday");
        assertThat(weekday.in(PageLanguage.CHINESE)).startsWith("2026-10-07 是星期三，不是星期六或星期日");

        assertThat(ProblemText.of("detail.body.unknown-field", "it's $1 {0}").in(PageLanguage.ENGLISH))
                .isEqualTo("Unknown field 'it's $1 {0}'");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
