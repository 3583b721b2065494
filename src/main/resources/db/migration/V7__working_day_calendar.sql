-- Working-day calendar years entered by a registrar at run time (PUT /api/v1/working-day-calendar/{year}): the
-- State Council publishes next year's holiday arrangement in November or December, and notices opened in
-- December run into January, so a year cannot wait for a release. An entered year replaces the shipped or
-- configured arrangement of that year: entering a year that is already known is how a published arrangement is
-- corrected (or a later State Council change followed). Entering the year again replaces the row.
--
-- The arrangement is kept as JSON in the format of the shipped files (calendar/cn-2026.json) and read back through
-- the same check, so files and entries follow one rule. Who entered it is in the audit log; the row names the
-- authority only, which is what the public answer shows.
CREATE TABLE working_day_calendar_year (
    year          INTEGER      CONSTRAINT working_day_calendar_year_pk PRIMARY KEY,
    arrangement   TEXT         NOT NULL,
    entered_at    TIMESTAMPTZ  NOT NULL,
    authority_id  BIGINT       NOT NULL CONSTRAINT working_day_calendar_year_authority_fk REFERENCES authority (id),
    CONSTRAINT working_day_calendar_year_range_ck CHECK (year BETWEEN 2000 AND 2099)
);

-- Every replica counts working days with the calendar it has loaded only while this version is the one it loaded
-- it at, and compares the two (one primary-key read) before each use. The trigger moves the version in the same
-- transaction as any change to the table, through the API or not, so a committed entry counts everywhere from the
-- next use. The register_version row lock orders writers: versions follow commit order (V5).
INSERT INTO register_version (register, version) VALUES ('working_day_calendar', 0);

CREATE TRIGGER working_day_calendar_register_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON working_day_calendar_year
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_bump('working_day_calendar');
