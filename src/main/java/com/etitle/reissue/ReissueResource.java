package com.etitle.reissue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Caller;
import com.etitle.common.Invalid;
import com.etitle.common.PageRequest;
import com.etitle.common.Paged;
import com.etitle.common.Problem;
import com.etitle.common.QueryValues;

/**
 * Lost or damaged certificates: the application, filed by the issuer for the holder's unit (or by the holder online,
 * {@link HolderReissueResource}), the authority's queue of applications, and their decision.
 */
@Path("/api/v1/reissue-applications")
@RolesAllowed("issuer")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reissue")
public class ReissueResource {

    private static final String NO_STORE = "no-store";

    private final ReissueService reissues;
    private final Caller caller;

    ReissueResource(ReissueService reissues, Caller caller) {
        this.reissues = reissues;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "applyForReissue",
            summary = "Apply to replace a lost or damaged certificate of your authority: the form and the holder's declaration only")
    @APIResponse(responseCode = "201", description = "Filed, PENDING",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReissueApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an unknown field (there is none for a unit letter or a newspaper notice)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No certificate of your authority with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The certificate is not VALID, or an application for it is still open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named in invalid-params",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response apply(ReissueRequest request) {
        ReissueApplicationView filed = reissues.apply(caller.authority(), caller.actor(), request);
        return Response.created(URI.create("/api/v1/reissue-applications/" + filed.id())).entity(filed)
                .header("Cache-Control", NO_STORE).build();
    }

    @GET
    @Operation(operationId = "listReissueApplications",
            summary = "Your authority's applications, oldest first: with status=PENDING, the ones waiting for a decision,"
                    + " whether the holder filed them online or an issuer did")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReissueApplicationView.Page.class)))
    @APIResponse(responseCode = "400", description = "status is not PENDING, APPROVED or REJECTED, or " + PageRequest.INVALID,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Only applications in this state; all when absent",
                    schema = @Schema(enumeration = {"PENDING", "APPROVED", "REJECTED"})) @QueryParam("status") String status,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = PageRequest.MAX_PAGE_TEXT, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = PageRequest.MAX_SIZE_TEXT, defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uri) {
        // page and size are declared for the contract; PageRequest reads them from the raw query, where an empty value still shows
        List<Invalid> errors = new ArrayList<>();
        ReissueStatus wanted = QueryValues.choice("status", status, ReissueStatus.class, errors);
        PageRequest paging = PageRequest.of(uri, 20, errors);
        QueryValues.throwIfInvalid(errors);
        Paged<ReissueApplicationView> found = reissues.list(caller.authority(), wanted, paging);
        return Response.ok(new ReissueApplicationView.Page(found.items(), found.page(), found.size(), found.total()))
                .header("Cache-Control", NO_STORE).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getReissueApplication", summary = "One of your authority's applications; another authority's answers 404")
    @APIResponse(responseCode = "200", description = "The application",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReissueApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No application of your authority with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        return Response.ok(reissues.get(caller.authority(), id)).header("Cache-Control", NO_STORE).build();
    }

    @POST
    @Path("{id}/approval")
    @Operation(operationId = "approveReissueApplication",
            summary = "Approve: the old certificate is VOIDED, a replacement is issued, the void declaration is queued;"
            + " repeating answers the same replacement")
    @APIResponse(responseCode = "200", description = "Approved, with the replacement's number",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReissueApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No application of your authority with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The application was rejected, or the certificate is no longer VALID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") long id) {
        return Response.ok(reissues.approve(caller.authority(), caller.actor(), id)).header("Cache-Control", NO_STORE).build();
    }

    @POST
    @Path("{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectReissueApplication", summary = "Reject, with the reason; repeating answers the recorded rejection")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReissueApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No application of your authority with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The application was approved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason, or one over 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") long id, RejectionRequest request) {
        return Response.ok(reissues.reject(caller.authority(), caller.actor(), id, request)).header("Cache-Control", NO_STORE).build();
    }
}
