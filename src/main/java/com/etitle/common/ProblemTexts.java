package com.etitle.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * The words of problem answers, in English ({@code problems/en.properties}) and Chinese
 * ({@code problems/zh-CN.properties}): the title of every problem type ({@code title.<slug>}), every detail
 * ({@code detail.…}) and every reason of an invalid parameter ({@code reason.…}). A text names its arguments
 * {@code {0}}, {@code {1}}, …, replaced as they are (no number formatting, no quoting rules), so a text may hold
 * apostrophes and a number reads the same in both languages. Both files hold the same keys with the same arguments
 * ({@code ProblemTextsTest} walks them); a key missing from Chinese would fall back to English.
 */
public final class ProblemTexts {

    private static final Logger LOG = Logger.getLogger(ProblemTexts.class);
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");
    private static final Map<String, String> ENGLISH = load("en");
    private static final Map<String, String> CHINESE = load("zh-CN");

    private ProblemTexts() {
    }

    /** The text of {@code key} in this language (English unless it is Chinese) with its arguments in place. */
    public static String format(Locale locale, String key, String... args) {
        String pattern = texts(locale).getOrDefault(key, ENGLISH.get(key));
        if (pattern == null) {
            // ProblemTextsTest keeps this from happening; should it, the caller still gets its 4xx, with the key as detail
            LOG.warnf("No problem text %s", key);
            return key;
        }
        Matcher m = ARGUMENT.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < args.length ? args[i] : m.group()));
        }
        return m.appendTail(out).toString();
    }

    public static String title(ProblemType type, Locale locale) {
        return format(locale, "title." + type.slug());
    }

    /** Every key with its text, in this language; for the test that both languages say everything. */
    static Map<String, String> all(Locale locale) {
        return new TreeMap<>(texts(locale));
    }

    /** The argument numbers a text uses. */
    static Set<Integer> arguments(String text) {
        Set<Integer> found = new java.util.TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static Map<String, String> texts(Locale locale) {
        return PageLanguage.CHINESE.equals(locale) ? CHINESE : ENGLISH;
    }

    private static Map<String, String> load(String language) {
        String name = "problems/" + language + ".properties";
        try (InputStream in = ProblemTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
