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

    /**
     * The authority's unified social credit code (统一社会信用代码, GB 32100): 颁发机构代码 in its certificates' e-licence
     * identifiers. Configuration, checked when the authority is registered; null only for an authority registered
     * before identifiers existed and no longer configured.
     */
    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Authority> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
