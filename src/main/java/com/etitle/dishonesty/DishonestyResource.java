package com.etitle.dishonesty;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import com.etitle.certificate.IdNumbers;
import com.etitle.common.PageRequest;
import com.etitle.common.Problem;
import com.etitle.common.Invalid;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/**
 * The dishonesty list (失信黑名单) of the caller's authority. The ID number to look up travels in a
 * POST body, never in a URL, so it stays out of access logs and proxies.
 */
@Path("/api/v1/dishonesty-list")
@RolesAllowed({"issuer", "registrar"})
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dishonesty list")
public class DishonestyResource {

    @Schema(name = "DishonestyQuery")
    public record Query(String holderIdNumber) {
    }

    private final Caller caller;
    private final DishonestyList list;

    DishonestyResource(Caller caller, DishonestyList list) {
        this.caller = caller;
        this.list = list;
    }

    @GET
    @Operation(operationId = "listDishonestyEntries", summary = "Your authority's dishonesty list, newest first (ID numbers masked)")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DishonestyList.Entry.class)))
    @APIResponse(responseCode = "400", description = PageRequest.INVALID,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = PageRequest.MAX_PAGE_TEXT, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = PageRequest.MAX_SIZE_TEXT, defaultValue = "50")) @QueryParam("size") String size,
            @Context UriInfo uri) {
        // page and size are declared for the contract; PageRequest reads them from the raw query, where an empty value still shows
        return Response.ok(list.page(caller.authority(), PageRequest.of(uri, 50))).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("queries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "queryDishonestyList", summary = "Is this person barred by your authority, and until when?")
    @APIResponse(responseCode = "200", description = "Whether the person is barred, until when, and every entry about them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DishonestyList.Answer.class)))
    @APIResponse(responseCode = "422", description = "No holderIdNumber, or not a valid ID number (named in invalid-params)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response query(Query query) {
        String id = IdNumbers.normalise(query == null ? null : query.holderIdNumber());
        String problem = id.isEmpty() ? "reason.required" : IdNumbers.problem(id);
        if (problem != null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, List.of(Invalid.of("holderIdNumber", problem)), "detail.invalid-names", "holderIdNumber");
        }
        return Response.ok(list.about(caller.authority(), id)).header("Cache-Control", "no-store").build();
    }
}
