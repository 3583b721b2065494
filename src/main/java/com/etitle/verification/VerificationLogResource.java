package com.etitle.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import com.etitle.common.PageRequest;
import com.etitle.common.Problem;
import com.etitle.holder.Holder;
import com.etitle.holder.HolderResource;

/** Who checked my certificate? Every verification that named it, newest first. */
@Path(HolderResource.PATH + "/{number}/verification-log")
@RolesAllowed("holder")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Holder")
public class VerificationLogResource {

    private final Holder holder;
    private final VerificationHistory history;

    VerificationLogResource(Holder holder, VerificationHistory history) {
        this.holder = holder;
        this.history = history;
    }

    @GET
    @Operation(operationId = "getMyVerificationLog",
            summary = "Every verification of your certificate: when, which way (credential, token, number + code, grant) and, for a"
            + " grant, its verifier name and purpose. Never the verifier's address.")
    @APIResponse(responseCode = "200", description = "One page, newest first",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerificationLogEntry.Page.class)))
    @APIResponse(responseCode = "400", description = PageRequest.INVALID,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@PathParam("number") String number,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = PageRequest.MAX_PAGE_TEXT, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = PageRequest.MAX_SIZE_TEXT, defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uri) {
        // page and size are declared for the contract; PageRequest reads them from the raw query, where an empty value still shows
        VerificationLogEntry.Page answer = history.of(holder.idNumberHash(), number, PageRequest.of(uri, 20));
        return Response.ok(answer).header("Cache-Control", HolderResource.NO_STORE).build();
    }
}
