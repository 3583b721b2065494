package com.etitle.verification;

import java.util.Locale;

import jakarta.inject.Singleton;

import com.etitle.common.BodyLimit;
import com.etitle.common.PageLanguage;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * How large a PDF the verification page takes: 256 KiB. A certificate face is one page whose font is a subset of the
 * characters printed on it, 40 to 60 KB with the longest names and work units the register allows; 256 KiB leaves
 * room for a face printed through another PDF tool that re-embeds the fonts, and refuses anything else before a byte
 * of it is read. The refusal is the page itself (413), in the language the form's address names.
 */
@Singleton
public class VerifyPagePdfLimit implements BodyLimit.PageUpload {

    static final long MAX_BYTES = 256 * 1024;

    @Override
    public String path() {
        return "/verify/pdf";
    }

    @Override
    public long maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public void refuseTooLarge(RoutingContext ctx) {
        Locale locale = PageLanguage.of(ctx.queryParams().get("lang"), ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=utf-8")
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, PageLanguage.tag(locale))
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(VerifyPage.tooLargePage(locale));
    }
}
