package com.etitle.status;

/** Why a title was revoked (撤销). */
public enum RevocationReason {
    /** obtained by fraud: the holder is also put on the dishonesty list (seed 000 §15, seed 004 §4) */
    FRAUD,
    ISSUED_IN_ERROR,
    COURT_ORDER
}
