package com.etitle.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Caller;
import com.etitle.certificate.CertificateView;
import com.etitle.common.Problem;

/** Revocation and suspension of an authority's own certificates. */
@Path("/api/v1/certificates/{number}")
@RolesAllowed("issuer")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates")
public class StatusResource {

    private final StatusService status;
    private final Caller caller;

    StatusResource(StatusService status, Caller caller) {
        this.status = status;
        this.caller = caller;
    }

    @POST
    @Path("revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke (final); FRAUD also puts the holder on the dishonesty list for 3 years")
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "409", description = "Already REVOKED or VOIDED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CertificateView revoke(@PathParam("number") String number, StatusChangeRequest request) {
        return status.revoke(caller.authority(), caller.actor(), number, request);
    }

    @POST
    @Path("suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend a VALID certificate")
    @APIResponse(responseCode = "409", description = "Not VALID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CertificateView suspend(@PathParam("number") String number, StatusChangeRequest request) {
        return status.suspend(caller.authority(), caller.actor(), number, request);
    }

    @DELETE
    @Path("suspension")
    @Operation(summary = "End a suspension: the certificate is VALID again")
    @APIResponse(responseCode = "409", description = "Not SUSPENDED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CertificateView reinstate(@PathParam("number") String number) {
        return status.reinstate(caller.authority(), caller.actor(), number);
    }
}
