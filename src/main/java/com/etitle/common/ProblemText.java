package com.etitle.common;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sentence of a problem answer as a key of the problem texts ({@link ProblemTexts}) and its arguments, worded only
 * when the answer is written, in the language the caller asked for. Arguments are identifiers, numbers and codes,
 * written the same in every language; another {@code ProblemText} among them is worded in the same language, and a
 * day of the week is named in it.
 */
public record ProblemText(String key, List<Object> args) {

    public ProblemText {
        args = List.copyOf(args);
    }

    public static ProblemText of(String key, Object... args) {
        return new ProblemText(key, Arrays.stream(args).map(a -> a == null ? "null" : a).toList());
    }

    /** The sentence in this language. */
    public String in(Locale locale) {
        String[] worded = new String[args.size()];
        for (int i = 0; i < worded.length; i++) {
            worded[i] = word(args.get(i), locale);
        }
        return ProblemTexts.format(locale, key, worded);
    }

    private static String word(Object arg, Locale locale) {
        if (arg instanceof ProblemText text) {
            return text.in(locale);
        }
        if (arg instanceof DayOfWeek day) {
            return day.getDisplayName(TextStyle.FULL, locale);
        }
        if (arg instanceof Object[] array) {
            return Arrays.toString(array);
        }
        return String.valueOf(arg);
    }

    /** In English, for logs and for what is stored (a batch's failure). */
    @Override
    public String toString() {
        return in(PageLanguage.ENGLISH);
    }
}
