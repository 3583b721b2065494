-- Re-signing after a key compromise: the certificates a compromised key version signed are signed again with the
-- authority's current key. Each row remembers one retired signature, so a verifier who brings the old
-- credential or token can be told that a newer one exists, and only when what they bring is exactly what was
-- issued (its digest matches): a form made up with the stolen key learns nothing.
CREATE TABLE retired_signature (
    id                 BIGINT       GENERATED ALWAYS AS IDENTITY CONSTRAINT retired_signature_pk PRIMARY KEY,
    certificate_id     BIGINT       NOT NULL CONSTRAINT retired_signature_certificate_fk REFERENCES certificate (id),
    signing_key_id     BIGINT       NOT NULL CONSTRAINT retired_signature_signing_key_fk REFERENCES signing_key (id),
    -- SHA-256 (hex) of the JCS form of the retired credential, and of the retired compact token as text
    credential_sha256  VARCHAR(64)  NOT NULL,
    token_sha256       VARCHAR(64)  NOT NULL,
    re_signed_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT retired_signature_once_uk UNIQUE (certificate_id, signing_key_id)
);

-- re-signing finds a compromised key's certificates by their key
CREATE INDEX certificate_signing_key_idx ON certificate (signing_key_id);
