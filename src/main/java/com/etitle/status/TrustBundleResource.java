package com.etitle.status;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.PublicAnswers;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The offline verifier's bundle: every authority's keys and every status list, signed. */
@Path("/api/v1/trust-bundle")
@Tag(name = "Status")
public class TrustBundleResource {

    private final TrustBundle bundle;
    private final PublicAnswers answers;

    TrustBundleResource(TrustBundle bundle, PublicAnswers answers) {
        this.bundle = bundle;
        this.answers = answers;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every authority's DID and keys with status, and every status list, as one JWS (JSON serialisation)"
            + " signed by each authority; refresh at nextUpdate, cacheable for 60 s, conditional GET with If-None-Match")
    @APIResponse(responseCode = "200", description = "The signed bundle; its payload is a TrustBundleContent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignedTrustBundle.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent")
    public Response get(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answers.answer(ifNoneMatch, bundle.signed(), Duration.ofSeconds(StatusLists.CACHE_SECONDS));
    }

    /** The shape of the answer, for the contract: a JWS in the JSON general serialisation (RFC 7515 §7.2.1). */
    @Schema(name = "SignedTrustBundle")
    record SignedTrustBundle(
            @Schema(description = "base64url of the JSON TrustBundleContent") String payload,
            List<JwsSignature> signatures) {
    }

    @Schema(name = "JwsSignature")
    record JwsSignature(@JsonProperty("protected") @Schema(description = "base64url of the JSON header: alg, kid, typ") String protectedHeader,
            String signature) {
    }
}
