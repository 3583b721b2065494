-- Every replica keeps in memory what verification of a signed form needs (key states, which certificates are not
-- VALID) and learns each change through this log. A change is written by a trigger in the transaction that makes
-- it, so no code path can change a status without the replicas learning it; its version comes from one counter row
-- whose lock is held until commit, so versions commit in order and without gaps (a rolled-back change takes its
-- version back), and a replica that reads version v+2 before v+1 knows it missed something. NOTIFY is sent at
-- commit and carries only the version: listeners read the change itself from this table.
CREATE TABLE register_clock (
    only_row  BOOLEAN PRIMARY KEY DEFAULT TRUE CONSTRAINT register_clock_one_row_ck CHECK (only_row),
    version   BIGINT  NOT NULL
);
INSERT INTO register_clock (version) VALUES (0);

CREATE TABLE register_change (
    version       BIGINT      CONSTRAINT register_change_pk PRIMARY KEY,
    -- CERTIFICATE: a certificate's status changed (number, status); KEY: a signing key was added or changed;
    -- AUTHORITY: an authority was added or renamed
    kind          VARCHAR(16) NOT NULL CONSTRAINT register_change_kind_ck CHECK (kind IN ('CERTIFICATE', 'KEY', 'AUTHORITY')),
    number        VARCHAR(32),
    status        VARCHAR(16),
    changed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION register_changed(kind TEXT, number TEXT, status TEXT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    next BIGINT;
BEGIN
    UPDATE register_clock SET version = version + 1 RETURNING version INTO next;
    INSERT INTO register_change (version, kind, number, status) VALUES (next, kind, number, status);
    PERFORM pg_notify('etitle_register', next::TEXT);
END
$$;

CREATE FUNCTION certificate_status_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM register_changed('CERTIFICATE', NEW.number, NEW.status);
    RETURN NULL;
END
$$;

CREATE FUNCTION register_row_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM register_changed(TG_ARGV[0], NULL, NULL);
    RETURN NULL;
END
$$;

CREATE TRIGGER certificate_status_changed AFTER UPDATE OF status ON certificate
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION certificate_status_changed();
-- certificates are issued VALID, which memory assumes of any number it has not been told about; should one ever be
-- written otherwise, the replicas learn it too
CREATE TRIGGER certificate_issued_not_valid AFTER INSERT ON certificate
    FOR EACH ROW WHEN (NEW.status <> 'VALID') EXECUTE FUNCTION certificate_status_changed();
CREATE TRIGGER signing_key_changed AFTER INSERT OR UPDATE ON signing_key
    FOR EACH ROW EXECUTE FUNCTION register_row_changed('KEY');
CREATE TRIGGER authority_changed AFTER INSERT OR UPDATE ON authority
    FOR EACH ROW EXECUTE FUNCTION register_row_changed('AUTHORITY');

-- a replica (re)synchronising reads the certificates that are not VALID, a small part of all
CREATE INDEX certificate_not_valid_idx ON certificate (number) INCLUDE (status) WHERE status <> 'VALID';
