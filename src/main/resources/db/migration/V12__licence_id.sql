-- The e-licence identifier (证照标识, GB/T 36904) of every certificate:
-- 1.2.156.3005.2.<type code>.<issuer's credit code>.<serial: the certificate number>.<version>.<ISO 7064 MOD 37,36 check>.
-- The authority's unified social credit code (统一社会信用代码) is configuration; the service writes it here when it
-- registers the authority at start.
ALTER TABLE authority
    ADD COLUMN credit_code VARCHAR(18)
        CONSTRAINT authority_credit_code_ck CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');

-- Unique: the serial is the certificate number, itself unique. Nullable only because certificates issued before this
-- migration get theirs at the next start, once the authorities' credit codes are known (LicenceIdBackfill): their
-- identifiers are made from configuration that a migration cannot read. Every certificate issued from now on has one.
-- The unique constraint's index is also the index of the column.
ALTER TABLE certificate
    ADD COLUMN licence_id VARCHAR(96)
        CONSTRAINT certificate_licence_id_uk UNIQUE
        CONSTRAINT certificate_licence_id_ck CHECK (licence_id ~ '^1\.2\.156\.3005\.2\.[0-9A-Z]{21}\.[0-9A-Z]{18}\.[0-9A-Z]+\.[0-9]{3}\.[0-9A-Z]$');

-- what LicenceIdBackfill reads at every start: empty once every certificate has its identifier, so a start costs nothing
CREATE INDEX certificate_licence_id_missing_idx ON certificate (id) WHERE licence_id IS NULL;
