package com.etitle.certificate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Authority;
import com.etitle.authority.Caller;
import com.etitle.common.Problem;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/** The recovery after a key compromise: re-signing what the compromised key version signed. */
@Path("/api/v1/issuers/{code}/keys/{kid}/re-signing")
@RolesAllowed("issuer")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issuers")
public class ReSigningResource {

    private final ReSigning reSigning;
    private final Caller caller;

    ReSigningResource(ReSigning reSigning, Caller caller) {
        this.reSigning = reSigning;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "reSignCompromisedKeyCertificates",
            summary = "Re-sign, with your authority's current key, every VALID or SUSPENDED certificate a compromised key version signed",
            description = "All or nothing, in one transaction, each certificate audited. Number, verification code, status-list slot,"
                    + " issue date and validFrom stay; the proof is new. REVOKED and VOIDED certificates are left as they are."
                    + " A second call re-signs nothing. The old credential and token keep answering KEY_COMPROMISED, with"
                    + " newSignatureAvailable: true.")
    @APIResponse(responseCode = "200", description = "What was re-signed (zero on a repeated call)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReSigning.Report.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an issuer, or not of this authority",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Your authority has no key with this kid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The key version is not compromised (key-not-compromised), or the authority"
            + " has no usable current key on this service (no-signing-key): rotate first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reSign(@PathParam("code") String code, @PathParam("kid") String kid) {
        Authority authority = caller.authority();
        if (!authority.code.equals(code)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "detail.re-signing.not-yours");
        }
        return Response.ok(reSigning.reSign(authority, kid, caller.actor())).header("Cache-Control", "no-store").build();
    }
}
