package com.etitle.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One link of the hash chain. Rows are only ever inserted; the database refuses updates and deletes. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "authority_code")
    public String authorityCode;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String detail;

    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    @Column(name = "entry_hash", nullable = false)
    public String entryHash;
}
