-- Certificate status (VALID, SUSPENDED, REVOKED, VOIDED), W3C Bitstring Status Lists, the dishonesty
-- list, lost-certificate reissue and void notices.

-- One status list per authority and sequence; it backs two published lists (revocation and suspension)
-- with the same index space. The bits are not stored: they are derived from the certificates' status,
-- and `version` moves on every change so that a cached signed list can be reused until then.
CREATE TABLE status_list (
    id            BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT status_list_pk PRIMARY KEY,
    authority_id  BIGINT      NOT NULL CONSTRAINT status_list_authority_fk REFERENCES authority (id),
    sequence      INTEGER     NOT NULL,
    size          INTEGER     NOT NULL CONSTRAINT status_list_size_ck CHECK (size >= 131072 AND size % 8 = 0),
    allocated     INTEGER     NOT NULL DEFAULT 0,
    version       BIGINT      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT status_list_sequence_uk UNIQUE (authority_id, sequence)
);

ALTER TABLE certificate
    ADD COLUMN status_reason           VARCHAR(32),
    ADD COLUMN status_changed_at       TIMESTAMPTZ,
    ADD COLUMN status_list_id          BIGINT CONSTRAINT certificate_status_list_fk REFERENCES status_list (id),
    ADD COLUMN status_list_index       INTEGER,
    ADD COLUMN replaces_certificate_id BIGINT CONSTRAINT certificate_replaces_fk REFERENCES certificate (id),
    ADD CONSTRAINT certificate_status_slot_uk UNIQUE (status_list_id, status_list_index),
    ADD CONSTRAINT certificate_replaces_uk UNIQUE (replaces_certificate_id);
-- the status list is built from the certificates of a list that are not VALID
CREATE INDEX certificate_status_list_idx ON certificate (status_list_id) WHERE status <> 'VALID';

-- 失信黑名单 (seed 000 §15, seed 004 §4): holders of titles revoked for fraud may not apply for 3 years.
CREATE TABLE dishonesty_entry (
    id              BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT dishonesty_entry_pk PRIMARY KEY,
    authority_id    BIGINT      NOT NULL CONSTRAINT dishonesty_entry_authority_fk REFERENCES authority (id),
    certificate_id  BIGINT      NOT NULL CONSTRAINT dishonesty_entry_certificate_fk REFERENCES certificate (id),
    holder_id_hash  VARCHAR(64) NOT NULL,
    reason          VARCHAR(32) NOT NULL,
    starts_on       DATE        NOT NULL,
    ends_on         DATE        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT dishonesty_entry_certificate_uk UNIQUE (certificate_id),
    CONSTRAINT dishonesty_entry_dates_ck CHECK (ends_on > starts_on)
);
CREATE INDEX dishonesty_entry_holder_idx ON dishonesty_entry (authority_id, holder_id_hash);

-- 遗失补办 (seed 001 §七(三)): a form and the holder's declaration; no unit letter, no newspaper notice.
CREATE TABLE reissue_application (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT reissue_application_pk PRIMARY KEY,
    authority_id         BIGINT        NOT NULL CONSTRAINT reissue_application_authority_fk REFERENCES authority (id),
    certificate_id       BIGINT        NOT NULL CONSTRAINT reissue_application_certificate_fk REFERENCES certificate (id),
    reason               VARCHAR(16)   NOT NULL CONSTRAINT reissue_application_reason_ck CHECK (reason IN ('LOST', 'DAMAGED')),
    declaration          VARCHAR(2000) NOT NULL,
    status               VARCHAR(16)   NOT NULL CONSTRAINT reissue_application_status_ck CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    rejection_reason     VARCHAR(500),
    new_certificate_id   BIGINT        CONSTRAINT reissue_application_new_certificate_fk REFERENCES certificate (id),
    created_at           TIMESTAMPTZ   NOT NULL,
    created_by           VARCHAR(200)  NOT NULL,
    decided_at           TIMESTAMPTZ,
    decided_by           VARCHAR(200)
);
CREATE INDEX reissue_application_authority_idx ON reissue_application (authority_id, created_at DESC);

-- 作废声明: published on the portal in periodic batches; a published notice never changes.
CREATE TABLE void_notice (
    id             BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT void_notice_pk PRIMARY KEY,
    authority_id   BIGINT       NOT NULL CONSTRAINT void_notice_authority_fk REFERENCES authority (id),
    notice_number  VARCHAR(64)  NOT NULL CONSTRAINT void_notice_number_uk UNIQUE,
    published_at   TIMESTAMPTZ  NOT NULL,
    document       TEXT         NOT NULL
);
CREATE INDEX void_notice_published_idx ON void_notice (published_at DESC, id DESC);

CREATE TABLE void_declaration (
    id              BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT void_declaration_pk PRIMARY KEY,
    authority_id    BIGINT      NOT NULL CONSTRAINT void_declaration_authority_fk REFERENCES authority (id),
    certificate_id  BIGINT      NOT NULL CONSTRAINT void_declaration_certificate_fk REFERENCES certificate (id),
    reason          VARCHAR(16) NOT NULL,
    void_date       DATE        NOT NULL,
    notice_id       BIGINT      CONSTRAINT void_declaration_notice_fk REFERENCES void_notice (id),
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT void_declaration_certificate_uk UNIQUE (certificate_id)
);
CREATE INDEX void_declaration_queued_idx ON void_declaration (authority_id) WHERE notice_id IS NULL;

CREATE FUNCTION void_notice_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published void notice never changes';
END;
$$;

CREATE TRIGGER void_notice_no_update_or_delete
    BEFORE UPDATE OR DELETE ON void_notice
    FOR EACH ROW EXECUTE FUNCTION void_notice_immutable();
