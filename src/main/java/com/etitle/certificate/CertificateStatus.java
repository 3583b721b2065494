package com.etitle.certificate;

/** Only VALID verifies; the other states are reached through status changes. */
public enum CertificateStatus {
    VALID,
    SUSPENDED,
    REVOKED,
    /** declared lost or damaged and replaced (遗失补办) */
    VOIDED
}
