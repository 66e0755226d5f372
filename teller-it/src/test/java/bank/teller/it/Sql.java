package bank.teller.it;

import bank.teller.platform.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Direct SQL on the application's datasource: to check what was stored, or to plant damage. */
public final class Sql {

    private Sql() {
    }

    /** The first column of the first row (zero for SQL NULL). */
    public static BigDecimal scalar(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, parameters);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1) == null ? BigDecimal.ZERO : rs.getBigDecimal(1);
        }
    }

    /** The first column of the first row as text (null for SQL NULL or no row). */
    public static String string(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, parameters);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The first column of every row, as text. */
    public static java.util.List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, parameters);
             ResultSet rs = ps.executeQuery()) {
            java.util.List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    /** The bank's business date, as the business day table holds it. */
    /** The lines of a journal entry as "DEBIT 2011 100.00", in their order. */
    public static java.util.List<String> journalLines(long entryId) throws SQLException {
        return strings("SELECT side || ' ' || gl_code || ' ' || amount FROM journal_line WHERE entry_id = ? ORDER BY id",
                entryId);
    }

    public static java.time.LocalDate businessDate() throws SQLException {
        return date("SELECT business_date FROM business_day WHERE id = 1");
    }

    /** The date {@code sql} selects (the first column of its first row), or null. */
    public static java.time.LocalDate date(String sql, Object... parameters) throws SQLException {
        String text = string("SELECT CAST(d AS VARCHAR) FROM (" + sql + ") AS q(d)", parameters);
        return text == null ? null : java.time.LocalDate.parse(text);
    }

    public static long count(String sql, Object... parameters) throws SQLException {
        return scalar(sql, parameters).longValueExact();
    }

    public static int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = prepare(c, sql, parameters)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        return ps;
    }

    /** A connection of the application's datasource (close it). */
    public static Connection connection() throws SQLException {
        return dataSource().getConnection();
    }

    private static DataSource dataSource() {
        return Lookup.jndi(Database.JNDI);
    }
}
