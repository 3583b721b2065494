package com.etitle.verification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.Problem;

/** Public verification, for employers, apps and anyone holding a certificate to check. */
@Path("/api/v1/verifications")
@Tag(name = "Verification")
public class VerificationResource {

    private final VerificationService verifications;

    VerificationResource(VerificationService verifications) {
        this.verifications = verifications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyCertificate",
            summary = "Verify a credential, a token, or a certificate number with holder name and verification code")
    @APIResponse(responseCode = "200", description = "The answer; `valid` is true only for result VALID",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerificationAnswer.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, duplicate member names, or wrong field types",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not exactly one form, or a part of number + name + code missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verify(VerificationRequest request) {
        return Response.ok(verifications.verify(request)).header("Cache-Control", "no-store").build();
    }
}
