package com.etitle.committee;

/** The level of titles a committee evaluates: senior committees 19–25 members (quorum 17), intermediate 15–21 (quorum 13). */
public enum CommitteeLevel {
    SENIOR, INTERMEDIATE
}
