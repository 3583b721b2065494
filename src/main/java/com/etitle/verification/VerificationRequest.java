package com.etitle.verification;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Exactly one way of asking: a credential, a token, number + name + code, or a holder's grant code. */
@Schema(description = "Send exactly one of: credential; token; certificateNumber (or the e-licence identifier in its place) with"
        + " holderName and verificationCode; grant")
public record VerificationRequest(
        // JsonNode is Iterable, so the scanner would call it an array of JsonNode's getters. It is a JSON object with any members,
        // left free-form (no properties, no additionalProperties: true) so that a generated client passes the credential exactly
        // as issued, its proof covering every member, and leaves it null when unused: Java generators turn an explicit
        // additionalProperties into a Map initialised empty, which would be sent as {} beside a number and code.
        @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                description = "A W3C Verifiable Credential as issued, with its proof") JsonNode credential,
        @Schema(description = "The compact signed token, e.g. from a QR code") String token,
        @Schema(description = "The certificate number, or in its place the certificate's e-licence identifier (证照标识)",
                example = "20264821937465012") String certificateNumber,
        @Schema(example = "张三") String holderName,
        @Schema(description = "The code printed on the certificate", example = "7KQ4M2XP") String verificationCode,
        @Schema(description = "A grant code the holder shared with you (加注); case, spaces and hyphens do not matter",
                example = "MZXW6YTBOI3DEMRQGQ2TMNZYHE4DAMJS") String grant) {
}
