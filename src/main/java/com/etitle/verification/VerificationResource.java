package com.etitle.verification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(summary = "Verify a credential, a token, or a certificate number with holder name and verification code")
    public Response verify(VerificationRequest request) {
        return Response.ok(verifications.verify(request)).header("Cache-Control", "no-store").build();
    }
}
