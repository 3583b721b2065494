package com.etitle.certificate;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.etitle.authority.PublicIds;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/** A certificate as its issuing authority sees it: the record and both signed forms. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateView(
        String number,
        @Schema(description = "The e-licence identifier (证照标识, GB/T 36904): 1.2.156.3005.2, type code, issuing authority's unified"
                + " social credit code, serial (the certificate number), version and an ISO 7064 MOD 37,36 check character",
                example = LicenceId.EXAMPLE) String licenceId,
        String verificationCode,
        CertificateStatus status,
        @Schema(description = "Revocation reason, suspension reason, or LOST / DAMAGED for a voided certificate") String statusReason,
        Instant statusChangedAt,
        @Schema(description = "Number of the lost or damaged certificate this one replaces") String replaces,
        String holderName,
        @Schema(description = "Masked: region prefix and last four characters only") String holderIdNumberMasked,
        String workUnit,
        String series,
        String specialty,
        Level level,
        String qualificationName,
        EffectiveScope effectiveScope,
        AcquisitionRoute acquisitionRoute,
        PromotionType promotionType,
        String committeeName,
        String approvalDocumentNumber,
        LocalDate qualificationDate,
        LocalDate issueDate,
        Instant issuedAt,
        Issuer issuer,
        String keyId,
        @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                description = "The signed W3C Verifiable Credential, exactly as issued or, after a key compromise, as re-signed") String credential,
        @Schema(description = "Compact signed token (JWS) for QR codes") String token) {

    @Schema(name = "CertificateIssuer")
    public record Issuer(String id, String code, String name) {
    }

    public static CertificateView of(Certificate c, PublicIds ids) {
        TitleFacts t = c.title;
        return new CertificateView(c.number, c.licenceId, c.verificationCode, c.status, c.statusReason, c.statusChangedAt,
                c.replaces == null ? null : c.replaces.number, t.holderName, IdNumbers.mask(t.holderIdNumber), t.workUnit,
                t.series, t.specialty, t.level, t.qualificationName, c.effectiveScope, c.acquisitionRoute, t.promotionType,
                c.committeeName, c.approvalDocumentNumber, c.qualificationDate, c.issueDate, c.issuedAt,
                new Issuer(ids.issuerId(c.authority.code), c.authority.code, c.authority.name), c.signingKey.kid,
                c.credential, c.token);
    }
}
