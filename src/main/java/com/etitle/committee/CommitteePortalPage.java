package com.etitle.committee;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
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
import com.etitle.common.ProblemException;
import com.etitle.common.PublicAnswers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The public portal's committee pages (评审委员会名录): the list with the API's filters and paging, and one committee,
 * rendered from the same in-memory snapshot the API answers from. A page is tagged with the snapshot's version and
 * its language, so a browser or proxy revalidates it with If-None-Match and gets 304 until the register changes.
 */
@Path("/committees")
@Tag(name = "Committees")
public class CommitteePortalPage {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Filters filters, CommitteePage page, String json, String previous, String next,
                boolean invalid);

        static native TemplateInstance one(String lang, CommitteeView committee, String json);
    }

    /** The filters as the person set them, shown again in the form; {@code lang} is the page's language. */
    public record Filters(String lang, String series, String level, String region, String status, String q) {
    }

    private final PublicCommittees published;
    private final PublicAnswers answers;

    CommitteePortalPage(PublicCommittees published, PublicAnswers answers) {
        this.published = published;
        this.answers = answers;
    }

    @GET
    @PermitAll
    @Produces(HTML)
    @Operation(operationId = "getCommitteeListPage", summary = "The committee list for people: the API's filters and paging, in Chinese or English")
    @APIResponse(responseCode = "200", description = "The page; ETag, revalidate with If-None-Match",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A filter that is not valid: the page says so and lists nothing",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response list(@QueryParam("series") String series, @QueryParam("level") String level, @QueryParam("region") String region,
            @QueryParam("status") String status, @QueryParam("q") String q,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "en or zh-CN; otherwise Accept-Language decides") @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpHeaders headers, @Context UriInfo uri) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Filters filters = new Filters(PageLanguage.tag(locale), series, level, region, status, q);
        CommitteeSnapshot snapshot = published.snapshot();
        CommitteeQuery query;
        try {
            query = CommitteeQuery.parse(null, series, level, region, status, q, uri);
        } catch (ProblemException e) {
            return PageLanguage.html(Templates.list(filters, new CommitteePage(List.of(), 0, 0, 0), null, null, null, true), locale)
                    .status(400).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        EntityTag tag = new EntityTag("committees-" + snapshot.version() + "-" + filters.lang());
        if (ifNoneMatch != null && (ifNoneMatch.equals(tag.toString()) || ifNoneMatch.equals("*"))) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").build();
        }
        // rendered once per snapshot version, filters as typed, page and language, and kept while the version holds
        PublicAnswers.Tagged rendered = answers.currentRendering(List.of("committee-page", filters, query.page(), query.size()), snapshot.version(),
                () -> {
                    CommitteePage found = snapshot.page(query);
                    String previous = query.page() > 0 ? link(filters, query.page() - 1, false) : null;
                    String next = (long) (query.page() + 1) * query.size() < found.total() ? link(filters, query.page() + 1, false) : null;
                    return Templates.list(filters, found, link(filters, query.page(), true), previous, next, false).setLocale(locale).render();
                });
        return Response.ok(rendered.bytes()).type(HTML).header(HttpHeaders.CONTENT_LANGUAGE, filters.lang())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).tag(tag).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Produces(HTML)
    @Operation(operationId = "getCommitteePage", summary = "One committee for people, with a link to its JSON")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No committee with this id", content = @Content(mediaType = HTML,
            schema = @Schema(type = SchemaType.STRING)))
    public Response one(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return published.committee(id)
                .map(c -> PageLanguage.html(Templates.one(PageLanguage.tag(locale), c, "/api/v1/committees/" + c.id()), locale)
                        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").build())
                .orElseGet(() -> PageLanguage.html(Templates.one(PageLanguage.tag(locale), null, null), locale).status(404)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    /** This list page (or, for {@code json}, the API's answer) with the same filters, at a page. */
    private static String link(Filters f, int page, boolean json) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("series", f.series());
        query.put("level", f.level());
        query.put("region", f.region());
        query.put("status", f.status());
        query.put("q", f.q());
        query.put("page", page == 0 ? null : String.valueOf(page));
        if (!json) {
            query.put("lang", f.lang());
        }
        String params = query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return (json ? "/api/v1/committees" : "/committees") + (params.isEmpty() ? "" : "?" + params);
    }

}
