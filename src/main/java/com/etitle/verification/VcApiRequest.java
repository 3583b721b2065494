package com.etitle.verification;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /credentials/verify}: the VCALM {@code VerifyCredentialRequest}
 * (https://w3c.github.io/vcalm/, oas.yaml {@code components.schemas.VerifyCredentialRequest}).
 */
@Schema(name = "VcApiVerifyCredentialRequest", description = "A W3C VC API (VCALM) request to verify one credential")
public record VcApiRequest(
        @Schema(implementation = Object.class, type = SchemaType.OBJECT,
                description = "The verifiable credential as issued, with its Data Integrity proof")
        JsonNode verifiableCredential,
        VcApiOptions options) {
}
