package com.etitle.publicity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An objection (异议) to an entry: real name and contact, never published; logged, investigated and answered (seed 003). */
@Entity
@Table(name = "objection")
public class Objection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notice_id")
    public PublicityNotice notice;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id")
    public PublicityEntry entry;

    @Column(name = "receipt_number", nullable = false)
    public String receiptNumber;

    @Column(name = "objector_name", nullable = false)
    public String objectorName;

    @Column(name = "objector_contact", nullable = false)
    public String objectorContact;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObjectionStatus status;

    @Column(name = "investigation_result")
    public String investigationResult;

    @Column
    public String reply;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "answered_by")
    public String answeredBy;
}
