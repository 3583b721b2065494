package com.etitle.verification;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer of {@code POST /credentials/verify}, in the shape of VCALM §"Verification Errors vs. Warnings"
 * (https://w3c.github.io/vcalm/#error-handling): {@code verified} is true exactly when {@code errors} is empty.
 * {@code checks} names the checks that passed, with the names of {@code POST /api/v1/verifications}. The optional
 * members of the VCALM {@code VerificationResult} schema ({@code credential}, {@code problemDetails},
 * {@code results}) are present only when the request's options ask for them.
 */
@Schema(name = "VcApiVerifyCredentialResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VcApiResult(
        @Schema(description = "True when no error was found: the credential is authentic, issued here and its certificate is valid now")
        boolean verified,
        @Schema(description = "The checks that passed, in the order they ran", example = "[\"FORMAT\", \"KEY_KNOWN\", \"KEY_NOT_COMPROMISED\", "
                + "\"SIGNATURE\", \"ISSUER\", \"CERTIFICATE_STATUS\"]")
        List<String> checks,
        @Schema(description = "Problems that do not make the verification fail; none are reported today") List<Problem> warnings,
        @Schema(description = "Why the credential did not verify; empty when it did") List<Problem> errors,
        @Schema(implementation = Object.class, type = SchemaType.OBJECT, description = "The credential as verified (options.returnCredential)")
        JsonNode credential,
        @Schema(description = "errors and warnings together (options.returnProblemDetails)") List<Problem> problemDetails,
        @Schema(description = "Per-proof results (options.returnResults)") Results results) {

    /** A VCALM ProblemDetails: a type URL from VC Data Model 2.0 §7.2, VC Data Integrity or this service, a code as title, a detail. */
    @Schema(name = "VcApiProblemDetails")
    public record Problem(String type, String title, String detail) {
    }

    @Schema(name = "VcApiResults")
    public record Results(List<ProofResult> proof) {
    }

    @Schema(name = "VcApiProofResult")
    public record ProofResult(
            boolean verified,
            @Schema(implementation = Object.class, type = SchemaType.OBJECT, description = "The proof as the credential carries it")
            JsonNode input) {
    }
}
