package com.etitle.holder;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A grant as its holder sees it. The code is in the answer that made it and nowhere else: only its hash is kept. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantView(
        UUID id,
        String verifierName,
        String purpose,
        VerificationGrant.State state,
        Instant createdAt,
        Instant expiresAt,
        Instant endedAt,
        @Schema(description = "Only when the grant is made: the secret code (160 random bits, base32) the verifier sends") String code,
        @Schema(description = "Only when the grant is made: a link that verifies with the code; the code is in the fragment, which browsers never send to a server") String shareUrl,
        @Schema(description = "Only when the grant is made: the share link as a PNG QR code, base64 data URI") String qr) {

    static GrantView of(VerificationGrant g, Instant now) {
        return new GrantView(g.id, g.verifierName, g.purpose, g.stateAt(now), g.createdAt, g.expiresAt, g.endedAt, null, null, null);
    }

    GrantView withSecret(String code, String shareUrl, String qr) {
        return new GrantView(id, verifierName, purpose, state, createdAt, expiresAt, endedAt, code, shareUrl, qr);
    }
}
