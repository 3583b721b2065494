package com.etitle.authority;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.etitle.crypto.KeyAlgorithm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An issuing authority (职改办 / 人社部门): who signs, under which code, with which algorithm. */
@Entity
@Table(name = "authority")
public class Authority extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KeyAlgorithm algorithm;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Authority> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
