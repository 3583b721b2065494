-- The holder files the reissue application for their own certificate online (seed 000: 全流程实现网上办理; seed
-- 001 §七(三) asks only for the 申领表). Who filed it, and how the authority reaches the holder: a telephone number
-- or an e-mail address, personal data shown only to the holder and to the authority's issuers.
ALTER TABLE reissue_application
    ADD COLUMN filed_by VARCHAR(16) NOT NULL DEFAULT 'ISSUER'
        CONSTRAINT reissue_application_filed_by_ck CHECK (filed_by IN ('ISSUER', 'HOLDER')),
    ADD COLUMN contact  VARCHAR(100);

-- issuers page through their authority's applications of one status, oldest first
CREATE INDEX reissue_application_status_idx ON reissue_application (authority_id, status, created_at, id);
