package com.etitle.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.Level;
import com.etitle.common.BrakeBucket;
import com.etitle.common.SharedBuckets;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * The certificate of a number as a verification by code needs it, with the brake buckets it counts against; for an
 * unknown number another certificate (the first issued) stands in, so the database reads the same whatever the
 * number. The caller must check the number before trusting anything. One round trip, no entity: through JDBC on a
 * worker thread, or through the non-blocking client ({@link NonBlockingReads}) on the event loop, with the same
 * statement and the same mapping.
 */
record CodeRow(long id, String verificationCode, VerificationAnswer.Subject subject, List<BrakeBucket> buckets) {

    /** Numbered parameters, each once and in order, so the JDBC form is the same text with {@code ?} for each. */
    static final String QUERY = "SELECT c.id, c.number, c.holder_name, c.verification_code, c.status, c.qualification_name,"
            + " c.level, c.series, c.specialty, c.qualification_date, a.code, a.name, c.licence_id,"
            + " b1.bucket_key, b1.tokens, b1.refilled_at, b1.full_at, b2.bucket_key, b2.tokens, b2.refilled_at, b2.full_at"
            + " FROM certificate c JOIN authority a ON a.id = c.authority_id"
            + " LEFT JOIN brake_bucket b1 ON b1.bucket_key = $1 LEFT JOIN brake_bucket b2 ON b2.bucket_key = $2"
            // both numbers through the one unique index, so the plan is the same whether the number exists or not; an e-licence
            // identifier is looked up by its serial, the certificate's number, through the same index, then compared whole
            + " WHERE c.number IN ($3, $4) ORDER BY c.number = $5 DESC LIMIT 1";

    private static final String JDBC_QUERY = QUERY.replaceAll("\\$\\d", "?");

    /** The statement's parameters: the buckets, then the number (or nothing, for one no certificate can have) and the stand-in. */
    static List<String> parameters(String number, String standIn, List<SharedBuckets.Key> buckets) {
        String looked = number.length() > 32 ? "" : number;
        return List.of(buckets.get(0).id(), buckets.get(1).id(), looked, standIn, looked);
    }

    static Optional<CodeRow> find(DataSource dataSource, String number, String standIn, List<SharedBuckets.Key> buckets)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(JDBC_QUERY)) {
            List<String> parameters = parameters(number, standIn, buckets);
            for (int i = 0; i < parameters.size(); i++) {
                s.setString(i + 1, parameters.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(of(new JdbcColumns(r))) : Optional.empty();
            }
        }
    }

    /** The answer of the non-blocking client to {@link #QUERY} with {@link #tuple}. */
    static Optional<CodeRow> of(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(of(new ClientColumns(it.next()))) : Optional.empty();
    }

    static Tuple tuple(String number, String standIn, List<SharedBuckets.Key> buckets) {
        return Tuple.tuple(new ArrayList<>(parameters(number, standIn, buckets)));
    }

    private static CodeRow of(Columns r) {
        CertificateStatus status = CertificateStatus.valueOf(r.string(5));
        VerificationAnswer.Subject subject = new VerificationAnswer.Subject(r.string(2), r.string(13), r.string(3), r.string(6),
                Level.valueOf(r.string(7)), r.string(8), r.string(9),
                new VerificationAnswer.Authority(r.string(11), r.string(12)), r.date(10), status,
                status == CertificateStatus.VOIDED);
        List<BrakeBucket> rows = new ArrayList<>(2);
        bucket(r, 14).ifPresent(rows::add);
        bucket(r, 18).ifPresent(rows::add);
        return new CodeRow(r.number(1), r.string(4), subject, rows);
    }

    private static Optional<BrakeBucket> bucket(Columns r, int first) {
        String key = r.string(first);
        if (key == null) {
            return Optional.empty();
        }
        BrakeBucket b = new BrakeBucket();
        b.key = key;
        b.tokens = r.decimal(first + 1);
        b.refilledAt = r.instant(first + 2);
        b.fullAt = r.instant(first + 3);
        return Optional.of(b);
    }

    /** The columns of one row, numbered from 1 as in the statement, whichever client read it. */
    private interface Columns {
        String string(int column);

        long number(int column);

        double decimal(int column);

        LocalDate date(int column);

        Instant instant(int column);
    }

    private record JdbcColumns(ResultSet r) implements Columns {
        @Override
        public String string(int column) {
            return unchecked(() -> r.getString(column));
        }

        @Override
        public long number(int column) {
            return unchecked(() -> r.getLong(column));
        }

        @Override
        public double decimal(int column) {
            return unchecked(() -> r.getDouble(column));
        }

        @Override
        public LocalDate date(int column) {
            return unchecked(() -> r.getObject(column, LocalDate.class));
        }

        @Override
        public Instant instant(int column) {
            return unchecked(() -> r.getObject(column, OffsetDateTime.class).toInstant());
        }

        private interface Read<T> {
            T get() throws SQLException;
        }

        /** Reading a column of a row already fetched fails only on a programming error (a wrong type or number). */
        private static <T> T unchecked(Read<T> read) {
            try {
                return read.get();
            } catch (SQLException e) {
                throw new IllegalStateException("a verification row could not be read", e);
            }
        }
    }

    private record ClientColumns(Row r) implements Columns {
        @Override
        public String string(int column) {
            return r.getString(column - 1);
        }

        @Override
        public long number(int column) {
            return r.getLong(column - 1);
        }

        @Override
        public double decimal(int column) {
            return r.getDouble(column - 1);
        }

        @Override
        public LocalDate date(int column) {
            return r.getLocalDate(column - 1);
        }

        @Override
        public Instant instant(int column) {
            return r.getOffsetDateTime(column - 1).toInstant();
        }
    }
}
