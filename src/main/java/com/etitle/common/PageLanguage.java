package com.etitle.common;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/**
 * The language of a page for people: Chinese unless the person chose English with the page's visible switch
 * ({@code lang=en}, carried by the page's links and forms) or their browser prefers English to Chinese
 * ({@code Accept-Language}). Only these two; anything else reads as no choice. The API's problem answers follow
 * {@code Accept-Language} too, with English when none is named ({@link #forApi}).
 */
public final class PageLanguage {

    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private PageLanguage() {
    }

    /** {@code chosen} is the {@code lang} parameter (may be null); {@code acceptLanguage} the header (may be null). */
    public static Locale of(String chosen, String acceptLanguage) {
        if (chosen != null) {
            String c = chosen.strip().toLowerCase(Locale.ROOT);
            if (c.equals("en")) {
                return ENGLISH;
            }
            if (c.equals("zh") || c.equals("zh-cn")) {
                return CHINESE;
            }
        }
        return negotiate(acceptLanguage, CHINESE);
    }

    /**
     * The language of a problem answer of the API ({@link ProblemMapper}): Chinese when the caller prefers Chinese to
     * English, English otherwise, including when it sends no {@code Accept-Language} at all. Programs are the API's
     * first callers and seldom send the header, and the problem texts were English before they were Chinese; a portal
     * in a Chinese browser sends {@code zh-CN} and gets Chinese.
     */
    public static Locale forApi(String acceptLanguage) {
        return negotiate(acceptLanguage, ENGLISH);
    }

    /**
     * The first of Chinese and English that {@code Accept-Language} names, by quality value (RFC 9110 §12.5.4; the
     * header's order breaks ties, {@code q=0} rules a language out): any {@code zh} range ({@code zh},
     * {@code zh-CN}, {@code zh-Hans}, {@code zh-TW}) means Chinese, any {@code en} range English, {@code *} the
     * fallback; a header that names neither, or cannot be read, gets the fallback.
     */
    static Locale negotiate(String acceptLanguage, Locale fallback) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return fallback;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        // parse sorts by weight, keeping the header's order among equal weights, and writes the ranges in lower case
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = range.getRange().split("-", 2)[0];
            if (primary.equals("zh")) {
                return CHINESE;
            }
            if (primary.equals("en")) {
                return ENGLISH;
            }
            if (primary.equals("*")) {
                return fallback;
            }
        }
        return fallback;
    }

    /**
     * A page rendered in this locale, as HTML that says its language and that it varies with the browser's
     * preference; the caller adds status, caching and tags.
     */
    public static Response.ResponseBuilder html(TemplateInstance page, Locale locale) {
        return Response.ok(page.setLocale(locale).render()).type(MediaType.TEXT_HTML + ";charset=utf-8")
                .header(HttpHeaders.CONTENT_LANGUAGE, tag(locale)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    /**
     * A public page already rendered in this locale and tagged ({@link PublicAnswers.Tagged}, a digest of its bytes): 304
     * without a body when {@code ifNoneMatch} names the tag, else 200; {@code Cache-Control: public} with {@code maxAge}.
     */
    public static Response cacheable(PublicAnswers.Tagged page, Locale locale, String ifNoneMatch, Duration maxAge) {
        Response.ResponseBuilder response = page.matchesNoneMatch(ifNoneMatch) ? Response.notModified()
                : Response.ok(page.bytes()).type(MediaType.TEXT_HTML + ";charset=utf-8");
        return response.tag(page.tag()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge.toSeconds())
                .header(HttpHeaders.CONTENT_LANGUAGE, tag(locale)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    /** Like {@link #cacheable(PublicAnswers.Tagged, Locale, String, Duration)}, rendering the page now. */
    public static Response cacheable(TemplateInstance page, Locale locale, String ifNoneMatch, Duration maxAge) {
        return cacheable(PublicAnswers.Tagged.of(page.setLocale(locale).render().getBytes(StandardCharsets.UTF_8)), locale, ifNoneMatch, maxAge);
    }

    /** The value of {@code lang} that names this locale in links. */
    public static String tag(Locale locale) {
        return ENGLISH.equals(locale) ? "en" : "zh-CN";
    }
}
