package com.etitle.certificate;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.etitle.authority.Authority;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One index space of an authority's status lists, published twice: as the revocation list and as the
 * suspension list. The bits themselves are derived from the certificates that hold slots in it.
 */
@Entity
@Table(name = "status_list")
public class StatusList extends PanacheEntityBase {

    /** W3C Bitstring Status List §6.1: at least 131,072 entries, so one entry says little about one person. */
    public static final int SIZE = 131_072;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @Column(nullable = false)
    public int sequence;

    @Column(nullable = false)
    public int size;

    @Column(nullable = false)
    public int allocated;

    /** Moves on every status change of a certificate in the list; a cached signed list is good while it stays. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
