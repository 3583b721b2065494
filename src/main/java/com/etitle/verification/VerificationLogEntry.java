package com.etitle.verification;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One verification of the holder's certificate: when, which way, and through which grant. Never who asked from where. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationLogEntry(
        Instant verifiedAt,
        VerificationAnswer.Method method,
        Outcome result,
        @Schema(description = "The grant used, when the verifier came with one") Grant grant) {

    @Schema(name = "VerificationLogGrant")
    public record Grant(String id, String verifierName, String purpose) {
    }

    /** One page of the log, newest first. */
    @Schema(name = "VerificationLogPage")
    public record Page(java.util.List<VerificationLogEntry> items, int page, int size, long total) {
    }

    static VerificationLogEntry of(VerificationEvent e) {
        return new VerificationLogEntry(e.verifiedAt, e.method, e.result,
                e.grant == null ? null : new Grant(e.grant.id.toString(), e.grant.verifierName, e.grant.purpose));
    }
}
