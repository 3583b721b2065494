package com.etitle.voidnotice;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
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

/** Void notices on the portal: public reading, and publishing at once for an issuer's own authority. */
@Path(VoidNoticeService.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Void notices")
public class VoidNoticeResource {

    /** A published notice never changes; a new one shows on the list within this time. */
    private static final Duration MAX_AGE = Duration.ofSeconds(300);

    private final VoidNoticeService notices;
    private final Caller caller;
    private final PublicAnswers answers;

    VoidNoticeResource(VoidNoticeService notices, Caller caller, PublicAnswers answers) {
        this.notices = notices;
        this.caller = caller;
        this.answers = answers;
    }

    @GET
    @Operation(operationId = "listVoidNotices", summary = "Published void notices of every authority, newest first")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VoidNoticePage.class)))
    @APIResponse(responseCode = "400", description = PageRequest.INVALID,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Context HttpHeaders headers,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = PageRequest.MAX_PAGE_TEXT, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = PageRequest.MAX_SIZE_TEXT, defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uri) {
        // page and size are declared for the contract; PageRequest reads them from the raw query, where an empty value still shows
        // built on every request, as before: a list page is one indexed query, and a new notice shows at once
        return answers.ok(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), notices.page(PageRequest.of(uri, 20)), MAX_AGE);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getVoidNotice", summary = "One void notice, the signed document byte for byte as published")
    @APIResponse(responseCode = "200", description = "The signed notice",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VoidNoticeView.class)))
    @APIResponse(responseCode = "404", description = "No notice with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Context HttpHeaders headers,
            @Parameter(description = "The notice number", example = "HRSS-440000-VOID-2026-007") @PathParam("id") String number) {
        byte[] signed = notices.signedNotice(number).getBytes(StandardCharsets.UTF_8);
        return answers.answer(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), PublicAnswers.Tagged.of(signed), MAX_AGE);
    }

    @POST
    @RolesAllowed("issuer")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "publishVoidNotice",
            summary = "Publish your authority's queued void declarations now, without waiting for the period")
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VoidNoticeView.class)))
    @APIResponse(responseCode = "204", description = "Nothing was queued; no notice was made")
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an issuer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish() {
        return notices.publish(caller.authority(), caller.actor())
                .map(p -> Response.created(URI.create(VoidNoticeService.PATH + "/" + p.noticeNumber())).entity(p.signedNotice())
                        .type(MediaType.APPLICATION_JSON_TYPE))
                .orElseGet(Response::noContent)
                .header("Cache-Control", "no-store")
                .build();
    }
}
