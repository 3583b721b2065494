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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    @Operation(operationId = "revokeCertificate", summary = "Revoke (final); FRAUD also puts the holder on the dishonesty list for 3 years")
    @RequestBody(required = true, description = "The reason (FRAUD, ISSUED_IN_ERROR or COURT_ORDER) and an optional internal note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusChangeRequest.class)))
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "404", description = "No certificate of your authority with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already REVOKED or VOIDED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason or an unknown one, or a note over 500 characters (named in invalid-params)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CertificateView revoke(@PathParam("number") String number, StatusChangeRequest request) {
        return status.revoke(caller.authority(), caller.actor(), number, request);
    }

    @POST
    @Path("suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "suspendCertificate", summary = "Suspend a VALID certificate")
    @RequestBody(required = false, description = "Optional: a reason (free text up to 200 characters) and an internal note;"
            + " without a body the certificate is suspended with neither",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusChangeRequest.class)))
    @APIResponse(responseCode = "200", description = "Suspended",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "404", description = "No certificate of your authority with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not VALID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A reason over 200 or a note over 500 characters (named in invalid-params)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CertificateView suspend(@PathParam("number") String number, StatusChangeRequest request) {
        return status.suspend(caller.authority(), caller.actor(), number, request);
    }

    @DELETE
    @Path("suspension")
    @Operation(operationId = "reinstateCertificate", summary = "End a suspension: the certificate is VALID again")
    @APIResponse(responseCode = "200", description = "VALID again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "404", description = "No certificate of your authority with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not SUSPENDED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CertificateView reinstate(@PathParam("number") String number) {
        return status.reinstate(caller.authority(), caller.actor(), number);
    }
}
