package com.etitle.calendar;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.etitle.authority.Authority;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A year's arrangement entered at run time; it replaces the shipped or configured one of that year (V7). */
@Entity
@Table(name = "working_day_calendar_year")
public class EnteredYear extends PanacheEntityBase {

    @Id
    public Integer year;

    /** The checked arrangement as JSON in the format of the shipped files ({@link YearArrangement}). */
    @Column(nullable = false)
    public String arrangement;

    @Column(name = "entered_at", nullable = false)
    public Instant enteredAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;
}
