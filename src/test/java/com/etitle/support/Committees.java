package com.etitle.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Evaluation committees written straight into the test database, for tests that need one to refer to. */
public final class Committees {

    private Committees() {
    }

    /** An ACTIVE senior engineering committee of the authority; returns its id. */
    public static long insert(String authorityCode) {
        return insert(authorityCode, "测试省工程系列高级职称评审委员会-" + shortId(), "ACTIVE");
    }

    public static long insert(String authorityCode, String name, String status) {
        String sql = """
                INSERT INTO committee (authority_id, code, name, level, series, specialty_scope, managing_department, approving_authority,
                    region, contact_phone, contact_address, filing_number, status, established_on, created_at, updated_at)
                SELECT id, ?, ?, 'SENIOR', '工程', '建筑、土木', '测试省住房和城乡建设厅', '测试省人力资源和社会保障厅',
                    '测试省', '0931-8123456', '测试省兰州市城关区1号', ?, ?, DATE '2018-06-01', now(), now()
                FROM authority WHERE code = ? RETURNING id""";
        try (Connection c = DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, "C-" + shortId());
            s.setString(2, name);
            s.setString(3, "测职备〔2018〕" + shortId() + "号");
            s.setString(4, status);
            s.setString(5, authorityCode);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no authority " + authorityCode);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
