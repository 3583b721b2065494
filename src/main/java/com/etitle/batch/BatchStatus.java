package com.etitle.batch;

/** RUNNING while a transaction issues it; COMPLETED when all its certificates are committed; FAILED with an error. */
public enum BatchStatus {
    RUNNING, COMPLETED, FAILED
}
