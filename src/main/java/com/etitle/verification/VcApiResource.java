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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSets;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.Problem;

/**
 * The W3C VC API verifier endpoint (VCALM, https://w3c.github.io/vcalm/#verify-credential), for verifiers whose tools
 * speak it. A completed verification answers 200 whatever its outcome, {@code verified} saying which: VCALM asks
 * implementations to report problems in the verification result rather than raise errors, and its 400 is for input
 * it cannot take (not JSON, wrong member types, unknown members or options).
 */
@Path("/credentials/verify")
@Tag(name = "Verification")
public class VcApiResource {

    private final VcApiVerifier verifier;

    VcApiResource(VcApiVerifier verifier) {
        this.verifier = verifier;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSets({})
    @Operation(operationId = "verifyCredentialVcApi", summary = "Verify a credential the W3C VC API way (VCALM)",
            description = "Verifies `verifiableCredential` exactly as `POST /api/v1/verifications` verifies a credential. Anything"
                    + " that is not a credential of this service verifies false with a reason in `errors`.")
    @APIResponse(responseCode = "200", description = "The verification was made; `verified` is true only when `errors` is empty",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VcApiResult.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, duplicate member names, wrong member types, unknown members or options",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not sent as application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verify(VcApiRequest request) {
        return Response.ok(verifier.verify(request)).header("Cache-Control", "no-store").build();
    }
}
