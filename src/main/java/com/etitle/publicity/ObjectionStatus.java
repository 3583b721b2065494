package com.etitle.publicity;

/** RECEIVED until answered; an UPHELD objection withdraws its entry. */
public enum ObjectionStatus {
    RECEIVED, UPHELD, DISMISSED
}
