package com.etitle.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestEnvironment.jdbcUrl(), "postgres", "postgres");
    }
}
