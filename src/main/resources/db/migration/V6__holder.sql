-- The holder side: verification grants (加注) a holder gives a named verifier for a purpose and a time,
-- and the log of every verification that named one of the holder's certificates.

-- A grant's code is a bearer secret of 160 random bits; only its SHA-256 is kept, so the table cannot be
-- used to verify anything. A grant is active while it has not ended and not expired.
CREATE TABLE verification_grant (
    id              UUID         CONSTRAINT verification_grant_pk PRIMARY KEY,
    certificate_id  BIGINT       NOT NULL REFERENCES certificate (id),
    code_hash       BYTEA        NOT NULL CONSTRAINT verification_grant_code_uq UNIQUE,
    verifier_name   VARCHAR(100) NOT NULL,
    purpose         VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    ended_at        TIMESTAMPTZ,
    CONSTRAINT verification_grant_expiry_ck CHECK (expires_at > created_at)
);
CREATE INDEX verification_grant_certificate_idx ON verification_grant (certificate_id, created_at DESC);

-- Written in batches by each replica, never holding the verifier's address: when, which way, with which grant.
-- No foreign keys, on purpose: this table takes a row per verification (thousands a second), and a foreign
-- key check would lock the certificate row it names (FOR KEY SHARE) for every insert. Certificates and grants
-- are never deleted, and the ids come from rows the verification just read.
CREATE TABLE verification_event (
    id              BIGSERIAL    CONSTRAINT verification_event_pk PRIMARY KEY,
    certificate_id  BIGINT       NOT NULL,
    verified_at     TIMESTAMPTZ  NOT NULL,
    method          VARCHAR(20)  NOT NULL,
    result          VARCHAR(40)  NOT NULL,
    grant_id        UUID
);
CREATE INDEX verification_event_certificate_idx ON verification_event (certificate_id, verified_at DESC, id DESC);
