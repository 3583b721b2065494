-- The public committee list (GET /api/v1/committees) is answered from an in-memory snapshot of the register
-- on each replica (a province files hundreds to a few thousand committees). PostgreSQL stays the only record;
-- what a replica needs from it is a cheap way to know that its snapshot is still current.
--
-- A version per public register, moved by a trigger in the same transaction as any change to the register's
-- table, whether through the API or not. Replicas read it (one primary-key read, every 0.5 s and after their
-- own writes) and load a new snapshot when it moved, so a change committed anywhere is served by all replicas
-- within that time. The row lock orders writers: versions follow commit order.
CREATE TABLE register_version (
    register  VARCHAR(32) CONSTRAINT register_version_pk PRIMARY KEY,
    version   BIGINT      NOT NULL
);
INSERT INTO register_version (register, version) VALUES ('committee', 0);

CREATE FUNCTION register_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE register_version SET version = version + 1 WHERE register = TG_ARGV[0];
    RETURN NULL;
END
$$;

CREATE TRIGGER committee_register_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_bump('committee');
