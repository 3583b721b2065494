package com.etitle.holder;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.EffectiveScope;
import com.etitle.certificate.Level;
import com.etitle.certificate.LicenceId;
import com.etitle.certificate.TitleFacts;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A certificate as its holder sees it in the app: the face fields, the status, and where its forms are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeldCertificate(
        String number,
        @Schema(description = "The e-licence identifier (证照标识, GB/T 36904), printed on the face", example = LicenceId.EXAMPLE)
        String licenceId,
        @Schema(description = "The code printed on the certificate, for verification by number + name + code") String verificationCode,
        CertificateStatus status,
        @Schema(description = "Revocation or suspension reason, or LOST / DAMAGED for a voided certificate") String statusReason,
        Instant statusChangedAt,
        @Schema(description = "For a voided certificate: the number of the certificate that replaced it") String replacedBy,
        @Schema(description = "The lost or damaged certificate this one replaces") String replaces,
        String holderName,
        String qualificationName,
        Level level,
        String series,
        String specialty,
        EffectiveScope effectiveScope,
        @Schema(description = "The vote date: the qualification counts from it") LocalDate qualificationDate,
        LocalDate issueDate,
        Issuer issuer,
        Links links) {

    @Schema(name = "HeldCertificateIssuer")
    public record Issuer(String code, String name) {
    }

    @Schema(name = "HeldCertificateLinks")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(String self, String credential, String qr, String document, String grants, String verificationLog,
            @Schema(description = "The replacement, when this certificate was voided and replaced") String replacedBy) {
    }

    static HeldCertificate of(Certificate c, Certificate replacement) {
        String self = HolderResource.PATH + "/" + c.number;
        String replacedBy = replacement == null ? null : replacement.number;
        TitleFacts t = c.title;
        return new HeldCertificate(c.number, c.licenceId, c.verificationCode, c.status, c.statusReason, c.statusChangedAt, replacedBy,
                c.replaces == null ? null : c.replaces.number, t.holderName, t.qualificationName, t.level, t.series, t.specialty,
                c.effectiveScope, c.qualificationDate, c.issueDate, new Issuer(c.authority.code, c.authority.name),
                new Links(self, self + "/credential", self + "/qr", self + "/document", self + "/grants", self + "/verification-log",
                        replacedBy == null ? null : HolderResource.PATH + "/" + replacedBy));
    }
}
