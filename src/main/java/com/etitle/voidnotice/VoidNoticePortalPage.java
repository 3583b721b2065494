package com.etitle.voidnotice;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.PageLanguage;
import com.etitle.common.PageRequest;
import com.etitle.common.ProblemException;
import com.etitle.common.PublicAnswers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The void notices (作废声明) for people: what the authorities declared void after a loss or damage (seed 001 §七(三):
 * 遗失证书作废声明由…定期在门户网站公布), newest first, each with its signed document to download as published. The page
 * is tagged with a digest of itself, so a browser revalidates it with If-None-Match.
 */
@Path("/void-notices")
@Tag(name = "Void notices")
public class VoidNoticePortalPage {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(String lang, VoidNoticePage page, DateTimeFormatter published, String previous, String next,
                boolean invalid);
    }

    private final VoidNoticeService notices;
    private final PublicAnswers answers;

    VoidNoticePortalPage(VoidNoticeService notices, PublicAnswers answers) {
        this.notices = notices;
        this.answers = answers;
    }

    @GET
    @Produces(HTML)
    @Operation(operationId = "getVoidNoticesPage", summary = "The void notices for people, newest first, each with its signed document")
    @APIResponse(responseCode = "200", description = "The page; ETag, revalidate with If-None-Match",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A page number that is not valid: the page says so",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response list(@Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "en or zh-CN; otherwise Accept-Language decides") @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpHeaders headers, @Context UriInfo uri) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String tag = PageLanguage.tag(locale);
        PageRequest paging;
        try {
            paging = PageRequest.of(uri, 10);
        } catch (ProblemException e) {
            return PageLanguage.html(Templates.list(tag, new VoidNoticePage(java.util.List.of(), 0, 0, 0), PUBLISHED, null, null, true), locale)
                    .status(400).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        // the page's list is read at most once a second (PublicAnswers' ttl) and rendered once per language from it
        PublicAnswers.Kept<VoidNoticePage> kept = answers.kept("void-notices-page?" + paging.page() + "&" + paging.size(),
                () -> notices.page(paging));
        PublicAnswers.Tagged rendered = kept.rendered(tag, found -> {
            String previous = paging.page() > 0 ? "/void-notices?page=" + (paging.page() - 1) + "&lang=" + tag : null;
            String next = (long) (paging.page() + 1) * paging.size() < found.total()
                    ? "/void-notices?page=" + (paging.page() + 1) + "&lang=" + tag : null;
            return Templates.list(tag, found, PUBLISHED, previous, next, false).setLocale(locale).render();
        });
        return PageLanguage.cacheable(rendered, locale, ifNoneMatch, Duration.ofSeconds(300));
    }

}
