-- Issuing authorities (职改办 / 人社部门) and their versioned signing keys.
CREATE TABLE authority (
    id          BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT authority_pk PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL CONSTRAINT authority_code_uk UNIQUE,
    name        VARCHAR(200) NOT NULL,
    region      VARCHAR(100) NOT NULL,
    algorithm   VARCHAR(16)  NOT NULL CONSTRAINT authority_algorithm_ck CHECK (algorithm IN ('ED25519', 'SM2')),
    created_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT authority_code_ck CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$')
);

CREATE TABLE signing_key (
    id              BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT signing_key_pk PRIMARY KEY,
    authority_id    BIGINT      NOT NULL CONSTRAINT signing_key_authority_fk REFERENCES authority (id),
    version         INTEGER     NOT NULL CONSTRAINT signing_key_version_ck CHECK (version > 0),
    kid             VARCHAR(64) NOT NULL CONSTRAINT signing_key_kid_uk UNIQUE,
    algorithm       VARCHAR(16) NOT NULL CONSTRAINT signing_key_algorithm_ck CHECK (algorithm IN ('ED25519', 'SM2')),
    public_key      BYTEA       NOT NULL,
    status          VARCHAR(16) NOT NULL CONSTRAINT signing_key_status_ck CHECK (status IN ('ACTIVE', 'COMPROMISED')),
    created_at      TIMESTAMPTZ NOT NULL,
    compromised_at  TIMESTAMPTZ,
    CONSTRAINT signing_key_version_uk UNIQUE (authority_id, version)
);

-- One row per issued e-certificate. The holder's ID number is kept for the authority's records and the
-- holder's own log-in (by hash); no public answer ever carries it.
CREATE TABLE certificate (
    id                        BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT certificate_pk PRIMARY KEY,
    number                    VARCHAR(32)  NOT NULL CONSTRAINT certificate_number_uk UNIQUE,
    verification_code         VARCHAR(16)  NOT NULL,
    authority_id              BIGINT       NOT NULL CONSTRAINT certificate_authority_fk REFERENCES authority (id),
    signing_key_id            BIGINT       NOT NULL CONSTRAINT certificate_signing_key_fk REFERENCES signing_key (id),
    holder_name               VARCHAR(50)  NOT NULL,
    holder_id_number          VARCHAR(18)  NOT NULL,
    holder_id_hash            VARCHAR(64)  NOT NULL,
    work_unit                 VARCHAR(200) NOT NULL,
    series                    VARCHAR(50)  NOT NULL,
    specialty                 VARCHAR(100) NOT NULL,
    level                     VARCHAR(16)  NOT NULL CONSTRAINT certificate_level_ck
                                  CHECK (level IN ('FULL_SENIOR', 'DEPUTY_SENIOR', 'INTERMEDIATE', 'JUNIOR')),
    qualification_name        VARCHAR(50)  NOT NULL,
    effective_scope           VARCHAR(16)  NOT NULL CONSTRAINT certificate_scope_ck
                                  CHECK (effective_scope IN ('PROVINCE_WIDE', 'OWN_UNIT', 'GRASSROOTS')),
    acquisition_route         VARCHAR(16)  NOT NULL CONSTRAINT certificate_route_ck
                                  CHECK (acquisition_route IN ('EVALUATION', 'EXAM', 'RECOGNITION')),
    promotion_type            VARCHAR(16)  NOT NULL CONSTRAINT certificate_promotion_ck
                                  CHECK (promotion_type IN ('NORMAL', 'EXCEPTIONAL', 'SERIES_TRANSFER')),
    committee_name            VARCHAR(100),
    approval_document_number  VARCHAR(100) NOT NULL,
    qualification_date        DATE         NOT NULL,
    issue_date                DATE         NOT NULL,
    issued_at                 TIMESTAMPTZ  NOT NULL,
    status                    VARCHAR(16)  NOT NULL CONSTRAINT certificate_status_ck
                                  CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED', 'VOIDED')),
    credential                TEXT         NOT NULL,
    token                     TEXT         NOT NULL,
    -- seed 001 §四(五): the qualification counts from the vote date, which cannot follow the issue.
    CONSTRAINT certificate_dates_ck CHECK (qualification_date <= issue_date)
);
CREATE INDEX certificate_authority_idx ON certificate (authority_id, issued_at DESC);
CREATE INDEX certificate_holder_idx ON certificate (holder_id_hash);

-- Idempotency-Key of POST /api/v1/certificates, per authority. The row is inserted first in the issuing
-- transaction, so a concurrent request with the same key waits on it and then sees the committed result.
CREATE TABLE idempotency_key (
    authority_id    BIGINT       NOT NULL CONSTRAINT idempotency_key_authority_fk REFERENCES authority (id),
    idem_key        VARCHAR(128) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    certificate_id  BIGINT       CONSTRAINT idempotency_key_certificate_fk REFERENCES certificate (id),
    created_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (authority_id, idem_key)
);

-- Append-only, hash-chained record of every change (seed 001 §八(四): every step recorded).
CREATE TABLE audit_entry (
    id              BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT audit_entry_pk PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    authority_code  VARCHAR(32),
    action          VARCHAR(64)  NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    detail          TEXT         NOT NULL,
    previous_hash   VARCHAR(64)  NOT NULL,
    entry_hash      VARCHAR(64)  NOT NULL CONSTRAINT audit_entry_hash_uk UNIQUE
);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
