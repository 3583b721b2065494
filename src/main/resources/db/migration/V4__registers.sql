-- Public registers: evaluation committees (评委会清单), results publicity (公示) with objections (异议),
-- qualification documents (资格文件), and batch issuance from a document.

-- seed 001 §八(三): the committee list is published with contact details; members are never stored here.
CREATE TABLE committee (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT committee_pk PRIMARY KEY,
    authority_id         BIGINT       NOT NULL CONSTRAINT committee_authority_fk REFERENCES authority (id),
    code                 VARCHAR(32)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    level                VARCHAR(16)  NOT NULL CONSTRAINT committee_level_ck CHECK (level IN ('SENIOR', 'INTERMEDIATE')),
    series               VARCHAR(50)  NOT NULL,
    specialty_scope      VARCHAR(500) NOT NULL,
    managing_department  VARCHAR(200) NOT NULL,
    approving_authority  VARCHAR(200) NOT NULL,
    region               VARCHAR(100) NOT NULL,
    contact_phone        VARCHAR(32)  NOT NULL,
    contact_address      VARCHAR(300) NOT NULL,
    filing_number        VARCHAR(100) NOT NULL,
    status               VARCHAR(16)  NOT NULL CONSTRAINT committee_status_ck CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
    established_on       DATE         NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT committee_code_uk UNIQUE (authority_id, code)
);
-- the public list filters on these and pages by id
CREATE INDEX committee_filter_idx ON committee (series, level, status, region, id);

-- seed 001 §五 / seed 003: passed candidates are published for at least 5 working days.
CREATE TABLE publicity_notice (
    id               BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT publicity_notice_pk PRIMARY KEY,
    authority_id     BIGINT       NOT NULL CONSTRAINT publicity_notice_authority_fk REFERENCES authority (id),
    committee_id     BIGINT       NOT NULL CONSTRAINT publicity_notice_committee_fk REFERENCES committee (id),
    title            VARCHAR(200) NOT NULL,
    vote_date        DATE         NOT NULL,
    starts_at        TIMESTAMPTZ  NOT NULL,
    working_days     INTEGER      NOT NULL CONSTRAINT publicity_notice_days_ck CHECK (working_days >= 5),
    ends_at          TIMESTAMPTZ  NOT NULL,
    contact_phone    VARCHAR(32)  NOT NULL,
    contact_address  VARCHAR(300) NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(200) NOT NULL,
    CONSTRAINT publicity_notice_window_ck CHECK (ends_at > starts_at)
);
CREATE INDEX publicity_notice_committee_idx ON publicity_notice (committee_id, starts_at DESC, id DESC);
CREATE INDEX publicity_notice_ends_idx ON publicity_notice (ends_at, id);
CREATE INDEX publicity_notice_starts_idx ON publicity_notice (starts_at DESC, id DESC);

-- A passed candidate. The ID number is needed to issue the certificate later and is never published.
CREATE TABLE publicity_entry (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT publicity_entry_pk PRIMARY KEY,
    notice_id           BIGINT       NOT NULL CONSTRAINT publicity_entry_notice_fk REFERENCES publicity_notice (id),
    position            INTEGER      NOT NULL,
    name                VARCHAR(50)  NOT NULL,
    holder_id_number    VARCHAR(18)  NOT NULL,
    work_unit           VARCHAR(200) NOT NULL,
    series              VARCHAR(50)  NOT NULL,
    specialty           VARCHAR(100) NOT NULL,
    qualification_name  VARCHAR(50)  NOT NULL,
    level               VARCHAR(16)  NOT NULL CONSTRAINT publicity_entry_level_ck
                            CHECK (level IN ('FULL_SENIOR', 'DEPUTY_SENIOR', 'INTERMEDIATE', 'JUNIOR')),
    promotion_type      VARCHAR(16)  NOT NULL CONSTRAINT publicity_entry_promotion_ck
                            CHECK (promotion_type IN ('NORMAL', 'EXCEPTIONAL', 'SERIES_TRANSFER')),
    withdrawn           BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT publicity_entry_position_uk UNIQUE (notice_id, position)
);

-- 异议: in writing, with real name and contact, before the notice ends; each logged, investigated, answered.
-- The objector's contact is never published.
CREATE TABLE objection (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT objection_pk PRIMARY KEY,
    notice_id             BIGINT        NOT NULL CONSTRAINT objection_notice_fk REFERENCES publicity_notice (id),
    entry_id              BIGINT        NOT NULL CONSTRAINT objection_entry_fk REFERENCES publicity_entry (id),
    receipt_number        VARCHAR(32)   NOT NULL CONSTRAINT objection_receipt_uk UNIQUE,
    objector_name         VARCHAR(50)   NOT NULL,
    objector_contact      VARCHAR(100)  NOT NULL,
    reason                VARCHAR(2000) NOT NULL,
    status                VARCHAR(16)   NOT NULL CONSTRAINT objection_status_ck CHECK (status IN ('RECEIVED', 'UPHELD', 'DISMISSED')),
    investigation_result  VARCHAR(2000),
    reply                 VARCHAR(2000),
    received_at           TIMESTAMPTZ   NOT NULL,
    answered_at           TIMESTAMPTZ,
    answered_by           VARCHAR(200)
);
CREATE INDEX objection_notice_idx ON objection (notice_id, status);

-- seed 001 §四(五): the qualification counts from the vote date, never from the document date.
CREATE TABLE qualification_document (
    id               BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT qualification_document_pk PRIMARY KEY,
    authority_id     BIGINT       NOT NULL CONSTRAINT qualification_document_authority_fk REFERENCES authority (id),
    notice_id        BIGINT       NOT NULL CONSTRAINT qualification_document_notice_fk REFERENCES publicity_notice (id),
    committee_id     BIGINT       NOT NULL CONSTRAINT qualification_document_committee_fk REFERENCES committee (id),
    document_number  VARCHAR(100) NOT NULL,
    document_date    DATE         NOT NULL,
    vote_date        DATE         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(200) NOT NULL,
    CONSTRAINT qualification_document_notice_uk UNIQUE (notice_id),
    CONSTRAINT qualification_document_number_uk UNIQUE (authority_id, document_number),
    CONSTRAINT qualification_document_dates_ck CHECK (vote_date <= document_date)
);
CREATE INDEX qualification_document_committee_idx ON qualification_document (committee_id, document_date DESC, id DESC);
CREATE INDEX qualification_document_date_idx ON qualification_document (document_date DESC, id DESC);

CREATE TABLE qualification_document_entry (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT qualification_document_entry_pk PRIMARY KEY,
    document_id         BIGINT       NOT NULL CONSTRAINT qualification_document_entry_document_fk REFERENCES qualification_document (id),
    publicity_entry_id  BIGINT       NOT NULL CONSTRAINT qualification_document_entry_publicity_fk REFERENCES publicity_entry (id),
    position            INTEGER      NOT NULL,
    name                VARCHAR(50)  NOT NULL,
    holder_id_number    VARCHAR(18)  NOT NULL,
    work_unit           VARCHAR(200) NOT NULL,
    series              VARCHAR(50)  NOT NULL,
    specialty           VARCHAR(100) NOT NULL,
    qualification_name  VARCHAR(50)  NOT NULL,
    level               VARCHAR(16)  NOT NULL,
    promotion_type      VARCHAR(16)  NOT NULL,
    effective_scope     VARCHAR(16)  NOT NULL CONSTRAINT qualification_document_entry_scope_ck
                            CHECK (effective_scope IN ('PROVINCE_WIDE', 'OWN_UNIT', 'GRASSROOTS')),
    CONSTRAINT qualification_document_entry_position_uk UNIQUE (document_id, position)
);

-- POST /api/v1/certificate-batches: one batch per Idempotency-Key and authority.
CREATE TABLE certificate_batch (
    id            BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT certificate_batch_pk PRIMARY KEY,
    authority_id  BIGINT       NOT NULL CONSTRAINT certificate_batch_authority_fk REFERENCES authority (id),
    idem_key      VARCHAR(128) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    document_id   BIGINT       NOT NULL CONSTRAINT certificate_batch_document_fk REFERENCES qualification_document (id),
    status        VARCHAR(16)  NOT NULL CONSTRAINT certificate_batch_status_ck CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    total         INTEGER      NOT NULL,
    issued        INTEGER      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    completed_at  TIMESTAMPTZ,
    error         VARCHAR(500),
    CONSTRAINT certificate_batch_key_uk UNIQUE (authority_id, idem_key)
);

-- Exactly one certificate per qualification-document entry, whatever happens to a batch.
ALTER TABLE certificate
    ADD COLUMN batch_id          BIGINT CONSTRAINT certificate_batch_fk REFERENCES certificate_batch (id),
    ADD COLUMN document_entry_id BIGINT CONSTRAINT certificate_document_entry_fk REFERENCES qualification_document_entry (id),
    ADD CONSTRAINT certificate_document_entry_uk UNIQUE (document_entry_id);
