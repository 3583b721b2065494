-- A qualification document of :entries people for authority :'authority', straight into the schema
-- (committee, ended notice, entries, document). Prints the document id.
\set ON_ERROR_STOP on
BEGIN;
WITH a AS (SELECT id FROM authority WHERE code = :'authority'),
c AS (
  INSERT INTO committee (authority_id, code, name, level, series, specialty_scope, managing_department, approving_authority,
      region, contact_phone, contact_address, filing_number, status, established_on, created_at, updated_at)
  SELECT a.id, 'BENCH-' || :'tag', '工程系列高级职称评审委员会', 'SENIOR', '工程', '建筑设计', '人社厅', '人社部', '示范省',
      '010-12345678', '示范省示范市人民路1号', 'BA-' || :'tag', 'ACTIVE', DATE '2020-01-01', now(), now() FROM a RETURNING id, authority_id),
n AS (
  INSERT INTO publicity_notice (authority_id, committee_id, title, vote_date, starts_at, working_days, ends_at, contact_phone,
      contact_address, created_at, created_by)
  SELECT c.authority_id, c.id, '评审结果公示', DATE '2026-06-18', TIMESTAMPTZ '2026-06-19 09:00+08', 5, TIMESTAMPTZ '2026-06-26 00:00+08',
      '010-12345678', '示范省示范市人民路1号', now(), 'bench' FROM c RETURNING id, committee_id, authority_id),
e AS (
  INSERT INTO publicity_entry (notice_id, position, name, holder_id_number, work_unit, series, specialty, qualification_name, level,
      promotion_type)
  SELECT n.id, g, '张' || g, '110105198003121238', '示范省建筑设计研究院', '工程', '建筑设计', '高级工程师', 'DEPUTY_SENIOR', 'NORMAL'
  FROM n, generate_series(1, :entries) g RETURNING id, notice_id, position, name, holder_id_number),
d AS (
  INSERT INTO qualification_document (authority_id, notice_id, committee_id, document_number, document_date, vote_date, created_at, created_by)
  SELECT n.authority_id, n.id, n.committee_id, '示人社职〔2026〕' || :'tag' || '号', DATE '2026-07-01', DATE '2026-06-18', now(), 'bench'
  FROM n RETURNING id),
x AS (
  INSERT INTO qualification_document_entry (document_id, publicity_entry_id, position, name, holder_id_number, work_unit, series,
      specialty, qualification_name, level, promotion_type, effective_scope)
  SELECT d.id, e.id, e.position, e.name, e.holder_id_number, '示范省建筑设计研究院', '工程', '建筑设计', '高级工程师', 'DEPUTY_SENIOR',
      'NORMAL', 'PROVINCE_WIDE' FROM d, e RETURNING document_id)
SELECT DISTINCT document_id FROM x;
COMMIT;
