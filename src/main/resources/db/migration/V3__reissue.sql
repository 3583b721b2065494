-- 遗失补办: at most one open application per certificate, whichever replica takes it. The service checks
-- first (under a lock on the certificate) to answer 409; this partial index is the guarantee, and the
-- index of that check.
CREATE UNIQUE INDEX reissue_application_open_uk ON reissue_application (certificate_id) WHERE status = 'PENDING';
