package com.etitle.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.Paged;
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
    @Operation(summary = "Every verification of your certificate: when, which way (credential, token, number + code, grant) and, for a"
            + " grant, its verifier name and purpose. Never the verifier's address.")
    @APIResponse(responseCode = "200", description = "One page, newest first",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerificationLogEntry.Page.class)))
    @APIResponse(responseCode = "400", description = "page below 0 or size outside 1-100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@PathParam("number") String number, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Paged.check(page, size);
        VerificationLogEntry.Page answer = history.of(holder.idNumberHash(), number, page, size);
        return Response.ok(answer).header("Cache-Control", HolderResource.NO_STORE).build();
    }
}
