package com.etitle.common;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@link SharedBuckets}, mapped so that a feature's query can read the buckets it is braked by in the same
 * round trip as its own rows (verification by code does); {@link SharedBuckets} alone writes them.
 */
@Entity
@Table(name = "brake_bucket")
public class BrakeBucket {

    @Id
    @Column(name = "bucket_key")
    public String key;

    @Column(nullable = false)
    public double tokens;

    @Column(name = "refilled_at", nullable = false)
    public Instant refilledAt;

    @Column(name = "full_at", nullable = false)
    public Instant fullAt;
}
