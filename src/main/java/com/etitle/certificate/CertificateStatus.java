package com.etitle.certificate;

/**
 * Only VALID verifies. The allowed moves are listed here and nowhere else: VALID and SUSPENDED move
 * both ways; VALID and SUSPENDED may be revoked; only a VALID certificate is voided when replaced.
 * REVOKED and VOIDED are final.
 */
public enum CertificateStatus {
    VALID,
    SUSPENDED,
    REVOKED,
    /** declared lost or damaged and replaced (遗失补办) */
    VOIDED;

    public boolean canMoveTo(CertificateStatus next) {
        return switch (this) {
            case VALID -> next == SUSPENDED || next == REVOKED || next == VOIDED;
            case SUSPENDED -> next == VALID || next == REVOKED;
            case REVOKED, VOIDED -> false;
        };
    }

    /** Whether the bit of this certificate is set in the list of the given purpose. */
    public boolean setIn(StatusPurpose purpose) {
        return purpose == StatusPurpose.REVOCATION ? this == REVOKED || this == VOIDED : this == SUSPENDED;
    }
}
