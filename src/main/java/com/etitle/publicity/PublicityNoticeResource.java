package com.etitle.publicity;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Caller;
import com.etitle.common.PageRequest;
import com.etitle.common.Problem;
import com.etitle.common.PublicAnswers;

/** Results publicity (公示): registrars open notices; anyone reads them. */
@Path("/api/v1/publicity-notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publicity")
public class PublicityNoticeResource {

    private final PublicityService notices;
    private final PublicNotices published;
    private final Caller caller;
    private final PublicAnswers answers;
    private final PublicityConfig config;

    PublicityNoticeResource(PublicityService notices, PublicNotices published, Caller caller, PublicAnswers answers, PublicityConfig config) {
        this.notices = notices;
        this.published = published;
        this.caller = caller;
        this.answers = answers;
        this.config = config;
    }

    @POST
    @RolesAllowed("registrar")
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openPublicityNotice",
            summary = "Open a results publicity notice for a committee of your authority; the end is computed from the working-day calendar")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an unknown field", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a registrar", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields (all named), e.g. an unknown committee, fewer than 5 working days, "
            + "or a window reaching a year without calendar data (calendar-no-data)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response open(OpenNoticeRequest request) {
        NoticeView notice = notices.open(caller.authority(), caller.actor(), request);
        return Response.created(URI.create("/api/v1/publicity-notices/" + notice.id())).entity(notice)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(operationId = "listPublicityNotices", summary = "Published notices, newest start first; cacheable (ETag, short max-age)")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = NoticePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", description = "A query parameter out of range", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response list(@Context HttpHeaders headers,
            @Parameter(description = "open: objections accepted now; closed: ended", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"open", "closed"})) @QueryParam("state") String state,
            @QueryParam("committeeId") Long committeeId,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = PageRequest.MAX_PAGE_TEXT, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = PageRequest.MAX_SIZE_TEXT, defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uri) {
        // page and size are declared for the contract; PageRequest reads them from the raw query, where an empty value still shows
        PageRequest paging = PageRequest.of(uri, 20);
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        return answers.answer(ifNoneMatch, published.page(state, committeeId, paging).answer(), config.cacheMaxAge());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPublicityNotice",
            summary = "A published notice with its entries (never ID numbers); withdrawn entries are marked")
    @APIResponse(responseCode = "200", description = "The notice", content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "404", description = "No such notice, or not yet published", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response get(@Context HttpHeaders headers, @PathParam("id") long id) {
        return answers.ok(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), notices.get(id), config.cacheMaxAge());
    }
}
