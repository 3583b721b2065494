package com.etitle.publicity;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import com.etitle.common.CrossOriginConfig;
import com.etitle.common.CrossOriginPolicy;
import com.etitle.common.PageLanguage;
import com.etitle.common.PageRequest;
import com.etitle.common.Invalid;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.common.PublicAnswers;
import com.etitle.common.TooManyRequestsException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * The results publicity notices (评审结果公示) for people: the list with the API's filters and paging, rendered from the
 * same kept page as the API's JSON; one notice with its candidates exactly as the API publishes them (never an ID number)
 * and, while it is open, a plain form that files an objection through {@link ObjectionService} behind the same brake
 * ({@link ObjectionLimiter}) as {@code POST …/objections}, answered by a receipt page. Every page is tagged with a digest
 * of itself, so a browser revalidates it with If-None-Match.
 */
@Path("/publicity-notices")
@Tag(name = "Publicity")
public class PublicityPortalPage {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Filters filters, NoticePage page, String json, String previous, String next, boolean invalid,
                DateTimeFormatter time);

        static native TemplateInstance one(String lang, NoticeView notice, ObjectionForm form, String message, List<String> invalid,
                Long retryMinutes, DateTimeFormatter time);

        static native TemplateInstance receipt(String lang, NoticeView notice, ObjectionReceipt receipt, NoticeView.Entry entry,
                String receivedAt);
    }

    /** The filters as the person set them; {@code lang} is the page's language. */
    public record Filters(String lang, String state, String committeeId) {
    }

    /** What the objector typed, shown again when the objection was not filed; {@code entryPosition} null when none was chosen. */
    public record ObjectionForm(Integer entryPosition, String objectorName, String contact, String reason) {

        static final ObjectionForm EMPTY = new ObjectionForm(null, "", "", "");
    }

    private final PublicityService notices;
    private final PublicNotices published;
    private final ObjectionService objections;
    private final ObjectionLimiter limiter;
    private final PublicityConfig config;
    private final CrossOriginPolicy origins;

    PublicityPortalPage(PublicityService notices, PublicNotices published, ObjectionService objections, ObjectionLimiter limiter,
            PublicityConfig config, CrossOriginConfig crossOrigin) {
        this.notices = notices;
        this.published = published;
        this.objections = objections;
        this.limiter = limiter;
        this.config = config;
        this.origins = CrossOriginPolicy.of(crossOrigin);
    }

    @GET
    @Produces(HTML)
    @Operation(operationId = "getPublicityNoticesPage", summary = "The results publicity notices for people, open and closed, newest first")
    @APIResponse(responseCode = "200", description = "The page; ETag, revalidate with If-None-Match",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A filter or page that is not valid: the page says so and lists nothing",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response list(@Parameter(description = "open or closed; empty for both") @QueryParam("state") String state,
            @Parameter(description = "Only this committee's notices") @QueryParam("committeeId") String committeeId,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Notices per page, 1 to 100 (20)") @QueryParam("size") String size,
            @Parameter(description = "en or zh-CN; otherwise Accept-Language decides") @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpHeaders headers, @Context UriInfo uri) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Filters filters = new Filters(PageLanguage.tag(locale), blankToNull(state), blankToNull(committeeId));
        PublicAnswers.Kept<NoticePage> kept;
        PageRequest paging;
        try {
            paging = PageRequest.of(uri, 20);
            Long committee = id(filters.committeeId());
            if (filters.committeeId() != null && committee == null) {
                throw new ProblemException(ProblemType.INVALID_QUERY, List.of(Invalid.of("committeeId", "reason.whole-number")), "detail.invalid-query.one", 1);
            }
            kept = published.page(filters.state(), committee, paging);
        } catch (ProblemException e) {
            return PageLanguage.html(Templates.list(filters, new NoticePage(List.of(), 0, 0, 0), null, null, null, true, TIME), locale)
                    .status(400).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        // rendered once per kept list, language and filters as typed: the page lives and expires with the API's answer
        PublicAnswers.Tagged rendered = kept.rendered(filters, found -> {
            String previous = paging.page() > 0 ? link(filters, paging, paging.page() - 1, false) : null;
            String next = (long) (paging.page() + 1) * paging.size() < found.total() ? link(filters, paging, paging.page() + 1, false) : null;
            return Templates.list(filters, found, link(filters, paging, paging.page(), true), previous, next, false, TIME).setLocale(locale)
                    .render();
        });
        return PageLanguage.cacheable(rendered, locale, ifNoneMatch, config.cacheMaxAge());
    }

    @GET
    @Path("{id}")
    @Produces(HTML)
    @Operation(operationId = "getPublicityNoticePage",
            summary = "One notice for people: its period and candidates (never ID numbers) and, while it is open, the objection form")
    @APIResponse(responseCode = "200", description = "The page; ETag, revalidate with If-None-Match",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such notice, or not yet published", content = @Content(mediaType = HTML,
            schema = @Schema(type = SchemaType.STRING)))
    public Response one(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
            @Parameter(description = "en or zh-CN; otherwise Accept-Language decides") @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpHeaders headers) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        NoticeView notice = notice(id);
        if (notice == null) {
            return notFound(locale);
        }
        TemplateInstance page = Templates.one(PageLanguage.tag(locale), notice, ObjectionForm.EMPTY, null, List.of(), null, TIME);
        return PageLanguage.cacheable(page, locale, ifNoneMatch, config.cacheMaxAge());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    @Operation(operationId = "submitObjectionPage",
            summary = "The notice page's objection form: files the objection as POST …/objections does and answers the receipt page")
    @APIResponse(responseCode = "200", description = "Filed: the receipt page (receipt number, time, what happens next)",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Posted from a page of another site: refused, nothing filed",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such notice, or not yet published", content = @Content(mediaType = HTML,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "The notice has ended, or the chosen candidate was withdrawn: the page says so",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "A field is missing or not valid: the form comes back with it marked",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "Too many objections from this address: the page says when to retry",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response object(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
            @FormParam("lang") String lang, @FormParam("entryPosition") String entryPosition, @FormParam("objectorName") String objectorName,
            @FormParam("contact") String contact, @FormParam("reason") String reason,
            @Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServerRequest http) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String tag = PageLanguage.tag(locale);
        ObjectionForm form = new ObjectionForm(position(entryPosition), orEmpty(objectorName), orEmpty(contact), orEmpty(reason));
        Long noticeId = id(id);
        if (noticeId == null) {
            return notFound(locale);
        }
        // refused before the brake counts it: another site's page must not spend its visitors' objections
        if (!origins.allowsFormPost(CrossOriginPolicy.Audience.OBJECTORS, headers.getHeaderString("Origin"),
                headers.getHeaderString("Sec-Fetch-Site"), ownOrigin(uri.getBaseUri()))) {
            return answer(Templates.one(tag, null, form, "cross-site", List.of(), null, TIME), locale, 403);
        }
        try {
            limiter.acquire(http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
            ObjectionReceipt receipt = objections.file(noticeId, new ObjectionRequest(form.objectorName(), form.contact(), null,
                    form.entryPosition(), form.reason()));
            NoticeView notice = notices.get(noticeId);
            NoticeView.Entry entry = notice.entries().stream().filter(e -> e.id() == receipt.entryId()).findFirst().orElseThrow();
            return answer(Templates.receipt(tag, notice, receipt, entry, SECOND.format(receipt.receivedAt())), locale, 200);
        } catch (TooManyRequestsException e) {
            long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
            return again(noticeId, form, "rate-limited", List.of(), minutes, locale, 429).header("Retry-After", e.retryAfterSeconds()).build();
        } catch (ProblemException e) {
            return switch (e.type()) {
                case NOT_FOUND -> notFound(locale);
                case VALIDATION_FAILED -> again(noticeId, form, "invalid", e.invalidParams().stream().map(Invalid::name)
                        .map(name -> name.equals("entryId") ? "entryPosition" : name).distinct().toList(), null, locale, 422).build();
                case PUBLICITY_NOT_OPEN -> again(noticeId, form, "closed", List.of(), null, locale, 409).build();
                case ENTRY_WITHDRAWN -> again(noticeId, form, "withdrawn", List.of("entryPosition"), null, locale, 409).build();
                default -> again(noticeId, form, "invalid", List.of(), null, locale, e.type().status() < 500 ? e.type().status() : 400).build();
            };
        }
    }

    /** The notice page again, with what the person typed and why it was not filed; never cached. */
    private Response.ResponseBuilder again(long id, ObjectionForm form, String message, List<String> invalid, Long retryMinutes, Locale locale,
            int status) {
        NoticeView notice;
        try {
            notice = notices.get(id);
        } catch (ProblemException e) {
            notice = null;
        }
        return PageLanguage.html(Templates.one(PageLanguage.tag(locale), notice, form, message, invalid, retryMinutes, TIME), locale)
                .status(notice == null ? 404 : status).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static Response answer(TemplateInstance page, Locale locale, int status) {
        return PageLanguage.html(page, locale).status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private Response notFound(Locale locale) {
        return answer(Templates.one(PageLanguage.tag(locale), null, ObjectionForm.EMPTY, null, List.of(), null, TIME), locale, 404);
    }

    /** The published notice, or null when there is none with this id (or the id is not one). */
    private NoticeView notice(String id) {
        Long noticeId = id(id);
        if (noticeId == null) {
            return null;
        }
        try {
            return notices.get(noticeId);
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** This list page (or, for {@code json}, the API's answer) with the same filters, at a page. */
    private static String link(Filters f, PageRequest paging, int page, boolean json) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("state", f.state());
        query.put("committeeId", f.committeeId());
        query.put("page", page == 0 ? null : String.valueOf(page));
        query.put("size", paging.size() == 20 ? null : String.valueOf(paging.size()));
        if (!json) {
            query.put("lang", f.lang());
        }
        String params = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return (json ? "/api/v1/publicity-notices" : "/publicity-notices") + (params.isEmpty() ? "" : "?" + params);
    }

    /** An id as plain digits of a long; null for anything else, which names no notice or committee. */
    private static Long id(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(text);
    }

    private static Integer position(String text) {
        String t = text == null ? "" : text.strip();
        return !t.isEmpty() && t.length() <= 6 && t.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.valueOf(t) : null;
    }

    /** scheme://host[:port] of the request as it reached us, written as browsers write an Origin (no default port). */
    static String ownOrigin(URI base) {
        int port = base.getPort();
        boolean defaultPort = port == -1 || port == 80 && "http".equalsIgnoreCase(base.getScheme())
                || port == 443 && "https".equalsIgnoreCase(base.getScheme());
        return base.getScheme() + "://" + base.getHost() + (defaultPort ? "" : ":" + port);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
