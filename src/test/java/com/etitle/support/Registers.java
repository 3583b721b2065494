package com.etitle.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Qualification documents made straight in the database (committee, ended notice, entries, document),
 * for tests of what comes after them. The registrar API that makes them has tests of its own.
 */
public final class Registers {

    private Registers() {
    }

    /** A document of {@code entries} people for the authority, voted 2026-06-18, dated 2026-07-01; returns its id. */
    public static long document(String authorityCode, int entries) {
        return document(TestEnvironment.jdbcUrl(), authorityCode, entries);
    }

    public static long document(String jdbcUrl, String authorityCode, int entries) {
        String tag = Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            c.setAutoCommit(false);
            long authority = single(c, "SELECT id FROM authority WHERE code = ?", authorityCode);
            long committee = single(c, """
                    INSERT INTO committee (authority_id, code, name, level, series, specialty_scope, managing_department,
                        approving_authority, region, contact_phone, contact_address, filing_number, status, established_on,
                        created_at, updated_at)
                    VALUES (?, 'C-' || ?, '工程系列高级职称评审委员会' || ?, 'SENIOR', '工程', '建筑设计', '人社厅', '人社部', '测试省',
                        '010-12345678', '测试省测试市人民路1号', 'BA-' || ?, 'ACTIVE', DATE '2020-01-01', now(), now())
                    RETURNING id""", authority, tag, tag, tag);
            long notice = single(c, """
                    INSERT INTO publicity_notice (authority_id, committee_id, title, vote_date, starts_at, working_days, ends_at,
                        contact_phone, contact_address, created_at, created_by)
                    VALUES (?, ?, '评审结果公示', DATE '2026-06-18', TIMESTAMPTZ '2026-06-19 09:00+08', 5, TIMESTAMPTZ '2026-06-26 00:00+08',
                        '010-12345678', '测试省测试市人民路1号', now(), 'test') RETURNING id""", authority, committee);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO publicity_entry (notice_id, position, name, holder_id_number, work_unit, series, specialty,
                        qualification_name, level, promotion_type)
                    SELECT ?, n, CASE WHEN n % 2 = 0 THEN '张' ELSE '李' END || n, '110105198003121238', '测试省建筑设计研究院', '工程',
                        '建筑设计', '高级工程师', 'DEPUTY_SENIOR', 'NORMAL' FROM generate_series(1, ?) AS n""")) {
                ps.setLong(1, notice);
                ps.setInt(2, entries);
                ps.executeUpdate();
            }
            long document = single(c, """
                    INSERT INTO qualification_document (authority_id, notice_id, committee_id, document_number, document_date, vote_date,
                        created_at, created_by)
                    VALUES (?, ?, ?, '测人社职〔2026〕' || ? || '号', DATE '2026-07-01', DATE '2026-06-18', now(), 'test') RETURNING id""",
                    authority, notice, committee, tag);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO qualification_document_entry (document_id, publicity_entry_id, position, name, holder_id_number, work_unit,
                        series, specialty, qualification_name, level, promotion_type, effective_scope)
                    SELECT ?, id, position, name, holder_id_number, work_unit, series, specialty, qualification_name, level,
                        promotion_type, 'PROVINCE_WIDE' FROM publicity_entry WHERE notice_id = ?""")) {
                ps.setLong(1, document);
                ps.setLong(2, notice);
                ps.executeUpdate();
            }
            c.commit();
            return document;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long single(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
