package com.etitle.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Direct JDBC to the test database, for what the API deliberately does not show (row counts, stored columns). */
public final class Database {

    private Database() {
    }

    public static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /**
     * Overwrites columns of one audit entry the way only a database superuser can: past the append-only
     * trigger. Disabling the trigger, the update and re-enabling it commit together, and ALTER TABLE holds the
     * table's lock until then, so no other session ever sees the trigger off. Column names are trusted test input.
     */
    public static void rewriteAuditEntry(long id, Map<String, String> columns) {
        List<Map.Entry<String, String>> assignments = List.copyOf(columns.entrySet());
        String set = String.join(", ", assignments.stream().map(column -> column.getKey() + " = ?").toList());
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    PreparedStatement update = c.prepareStatement("UPDATE audit_entry SET " + set + " WHERE id = ?")) {
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete");
                for (int i = 0; i < assignments.size(); i++) {
                    update.setString(i + 1, assignments.get(i).getValue());
                }
                update.setLong(assignments.size() + 1, id);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("no audit entry " + id);
                }
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres");
    }
}
