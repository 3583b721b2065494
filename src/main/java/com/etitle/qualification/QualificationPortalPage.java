package com.etitle.qualification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import com.etitle.common.Invalid;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.common.PublicAnswers;
import com.etitle.publicity.PublicityConfig;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The qualification documents (资格文件, seed 001 §四(五)) for people: the list with the API's filters (committee, year,
 * text) and paging, rendered from the same kept page as the API's JSON, and one document with its entries exactly as the
 * API publishes them (never an ID number). Every page is tagged with a digest of itself, so a browser revalidates it
 * with If-None-Match.
 */
@Path("/qualification-documents")
@Tag(name = "Qualification documents")
public class QualificationPortalPage {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Filters filters, QualificationDocumentView.Page page, String json, String previous, String next,
                boolean invalid);

        static native TemplateInstance one(String lang, QualificationDocumentView document, String json);
    }

    /** The filters as the person set them; {@code lang} is the page's language. */
    public record Filters(String lang, String committeeId, String year, String q) {
    }

    private final QualificationDocumentService documents;
    private final PublicDocuments published;
    private final PublicityConfig config;

    QualificationPortalPage(QualificationDocumentService documents, PublicDocuments published, PublicityConfig config) {
        this.documents = documents;
        this.published = published;
        this.config = config;
    }

    @GET
    @Produces(HTML)
    @Operation(operationId = "getQualificationDocumentsPage",
            summary = "The qualification documents for people, newest first, with the API's filters")
    @APIResponse(responseCode = "200", description = "The page; ETag, revalidate with If-None-Match",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A filter or page that is not valid: the page says so and lists nothing",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response list(@Parameter(description = "Only this committee's documents") @QueryParam("committeeId") String committeeId,
            @Parameter(description = "Year of the document date") @QueryParam("year") String year,
            @Parameter(description = "Text in the document number, the committee's name or a holder's name; at most 50 characters")
            @QueryParam("q") String q,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Documents per page, 1 to 100 (20)") @QueryParam("size") String size,
            @Parameter(description = "en or zh-CN; otherwise Accept-Language decides") @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpHeaders headers, @Context UriInfo uri) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Filters filters = new Filters(PageLanguage.tag(locale), blankToNull(committeeId), blankToNull(year), blankToNull(q));
        PublicAnswers.Kept<QualificationDocumentView.Page> kept;
        PageRequest paging;
        try {
            paging = PageRequest.of(uri, 20);
            Long committee = number(filters.committeeId(), "committeeId", 18);
            kept = published.page(committee, intOrNull(filters.year()), filters.q(), paging);
        } catch (ProblemException e) {
            QualificationDocumentView.Page none = new QualificationDocumentView.Page(List.of(), 0, 0, 0);
            return PageLanguage.html(Templates.list(filters, none, null, null, null, true), locale).status(400)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        // rendered once per kept list, language and filters as typed: the page lives and expires with the API's answer
        PublicAnswers.Tagged rendered = kept.rendered(filters, found -> {
            String previous = paging.page() > 0 ? link(filters, paging, paging.page() - 1, false) : null;
            String next = (long) (paging.page() + 1) * paging.size() < found.total() ? link(filters, paging, paging.page() + 1, false) : null;
            return Templates.list(filters, found, link(filters, paging, paging.page(), true), previous, next, false).setLocale(locale).render();
        });
        return PageLanguage.cacheable(rendered, locale, ifNoneMatch, config.cacheMaxAge());
    }

    @GET
    @Path("{id}")
    @Produces(HTML)
    @Operation(operationId = "getQualificationDocumentPage",
            summary = "One qualification document for people: its entries (never ID numbers), with a link to its JSON")
    @APIResponse(responseCode = "200", description = "The page; ETag, revalidate with If-None-Match",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such document", content = @Content(mediaType = HTML,
            schema = @Schema(type = SchemaType.STRING)))
    public Response one(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
            @Parameter(description = "en or zh-CN; otherwise Accept-Language decides") @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpHeaders headers) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String tag = PageLanguage.tag(locale);
        QualificationDocumentView document;
        try {
            Long documentId = number(id, "id", 18);
            document = documentId == null ? null : documents.get(documentId);
        } catch (ProblemException e) {
            document = null;
        }
        if (document == null) {
            return PageLanguage.html(Templates.one(tag, null, null), locale).status(404).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        TemplateInstance page = Templates.one(tag, document, "/api/v1/qualification-documents/" + document.id());
        return PageLanguage.cacheable(page, locale, ifNoneMatch, config.cacheMaxAge());
    }

    /** This list page (or, for {@code json}, the API's answer) with the same filters, at a page. */
    private static String link(Filters f, PageRequest paging, int page, boolean json) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("committeeId", f.committeeId());
        query.put("year", f.year());
        query.put("q", f.q());
        query.put("page", page == 0 ? null : String.valueOf(page));
        query.put("size", paging.size() == 20 ? null : String.valueOf(paging.size()));
        if (!json) {
            query.put("lang", f.lang());
        }
        String params = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return (json ? "/api/v1/qualification-documents" : "/qualification-documents") + (params.isEmpty() ? "" : "?" + params);
    }

    /** Plain digits, at most {@code digits} of them; null when absent; otherwise a 400 naming the parameter. */
    private static Long number(String text, String name, int digits) {
        if (text == null) {
            return null;
        }
        if (text.length() > digits || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ProblemException(ProblemType.INVALID_QUERY, List.of(Invalid.of(name, "reason.whole-number")), "detail.invalid-query.one", 1);
        }
        return Long.parseLong(text);
    }

    private static Integer intOrNull(String year) {
        Long y = number(year, "year", 4);
        return y == null ? null : y.intValue();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
