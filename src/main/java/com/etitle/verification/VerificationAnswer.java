package com.etitle.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.Level;
import com.etitle.certificate.LicenceId;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The public answer. It carries a fixed, minimal set of certificate fields and never the holder's ID
 * number; a "no match" answer has exactly the same shape whatever the reason.
 */
public record VerificationAnswer(
        Outcome result,
        boolean valid,
        Method method,
        List<Check> checks,
        Subject certificate,
        @Schema(description = "For a verification with a holder's grant that matched: whom the holder shared with, and why")
        Grant grant,
        @Schema(description = "Only with KEY_COMPROMISED, and only for a credential or token exactly as the service issued it:"
                + " true when the certificate has since been re-signed with the authority's current key, so its holder can"
                + " give a new credential or QR code. Absent otherwise.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean newSignatureAvailable,
        Instant checkedAt) {

    @Schema(name = "VerificationWay")
    public enum Method {
        CREDENTIAL, TOKEN, NUMBER_AND_CODE, GRANT
    }

    /** The holder's consent a verifier came with. */
    @Schema(name = "VerificationAnswerGrant")
    public record Grant(String verifierName, String purpose, Instant expiresAt) {
    }

    /** One check performed, in order. The first failing check is the last one listed. */
    @Schema(name = "VerificationCheck")
    public record Check(String name, boolean passed) {
    }

    /** What an employer needs to know, and nothing more. */
    @Schema(name = "VerifiedCertificate")
    public record Subject(
            String certificateNumber,
            @Schema(description = "The e-licence identifier (证照标识, GB/T 36904) as the register holds it", example = LicenceId.EXAMPLE)
            String licenceId,
            String holderName,
            String qualificationName,
            Level level,
            String series,
            String specialty,
            Authority issuingAuthority,
            LocalDate qualificationDate,
            CertificateStatus status,
            @Schema(description = "True when the certificate was voided and replaced after being reported lost or damaged;"
                    + " the replacement's number is never shown") boolean replaced) {
    }

    @Schema(name = "IssuingAuthority")
    public record Authority(String code, String name) {
    }
}
