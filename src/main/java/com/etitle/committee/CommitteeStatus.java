package com.etitle.committee;

/** Filing status of a committee. */
public enum CommitteeStatus {
    ACTIVE, SUSPENDED, REVOKED
}
