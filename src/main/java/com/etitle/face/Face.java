package com.etitle.face;

import java.time.LocalDate;
import java.util.Optional;

import com.etitle.authority.PublicIds;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.EffectiveScope;
import com.etitle.certificate.Level;
import com.etitle.certificate.TitleFacts;

/**
 * What the certificate face prints, as plain values: built from a {@link Certificate} inside a transaction
 * (its authority is lazy), then rendered and signed outside one, or made by hand where there is no database
 * (the benchmark).
 *
 * @param licenceId the e-licence identifier (证照标识), printed in full; null for a certificate that has none yet
 * @param qr what the QR code carries: the verification link with the compact signed token (JWS) in its fragment
 *     ({@link PublicIds#verifyLink})
 */
public record Face(String authorityCode, String authorityName, String number, String licenceId, String verificationCode,
        String holderName, String workUnit, String qualificationName, Level level, String series, String specialty,
        EffectiveScope effectiveScope, LocalDate qualificationDate, String approvalDocumentNumber, LocalDate issueDate,
        CertificateStatus status, String qr) {

    public static Face of(Certificate c, PublicIds ids) {
        TitleFacts t = c.title;
        return new Face(c.authority.code, c.authority.name, c.number, c.licenceId, c.verificationCode, t.holderName, t.workUnit,
                t.qualificationName, t.level, t.series, t.specialty, c.effectiveScope, c.qualificationDate, c.approvalDocumentNumber,
                c.issueDate, c.status, ids.verifyLink(c.token));
    }

    /** 层级 as printed. */
    public String levelText() {
        return switch (level) {
            case FULL_SENIOR -> "正高级";
            case DEPUTY_SENIOR -> "副高级";
            case INTERMEDIATE -> "中级";
            case JUNIOR -> "初级";
        };
    }

    /** 有效范围 as printed. */
    public String scopeText() {
        return switch (effectiveScope) {
            case PROVINCE_WIDE -> "全省范围有效";
            case OWN_UNIT -> "本单位有效";
            case GRASSROOTS -> "基层有效";
        };
    }

    /**
     * The mark across a certificate that no longer verifies. The holder may still download its document, so
     * the page itself must say so, not only a verification answer.
     */
    public Optional<String> statusMark() {
        return switch (status) {
            case VALID -> Optional.empty();
            case SUSPENDED -> Optional.of("已暂停");
            case REVOKED -> Optional.of("已撤销");
            case VOIDED -> Optional.of("已作废");
        };
    }
}
