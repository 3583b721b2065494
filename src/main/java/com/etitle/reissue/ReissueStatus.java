package com.etitle.reissue;

/** Where an application stands; APPROVED and REJECTED are final. */
public enum ReissueStatus {
    PENDING,
    APPROVED,
    REJECTED
}
