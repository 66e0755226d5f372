package bank.teller.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.sessions.server.Server;

/**
 * Plain JDBC on the application's datasource, in the caller's JTA transaction, on the connection
 * EclipseLink holds for that transaction. For the statements the posting path knows in advance
 * (issue 14): they are sent as written, without the unit of work's change sets, query translation
 * and flushes, which cost a quarter of the server's CPU per posting (bench/NOTES.md).
 *
 * <p>What a statement changes is not seen by the persistence context of the transaction: the
 * posting path writes rows no entity of its transaction holds (entries, lines, vouchers, audit
 * records), and flushes the entities it changed before it writes rows that refer to them.
 * A failure is a {@link PersistenceException}, as from JPA: the transaction is rolled back.
 *
 * <p>Writes made inside {@link #together} through {@link #write}, {@link #writeOne}, {@link
 * #writeRows} and {@link #writeReturning} go to PostgreSQL as one statement at its end, each a part
 * of one data-modifying WITH: a posting's balances, entry, lines,
 * outbox row, audit record and voucher in one round trip instead of six (issue 14). Anywhere else,
 * and on H2, each is sent at once.
 */
@ApplicationScoped
public class Jdbc {

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    @Resource(lookup = Database.JNDI)
    private DataSource dataSource;

    @PersistenceUnit(unitName = "teller")
    private EntityManagerFactory persistenceUnit;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    private volatile Server session;

    /** The key of the transaction's connection among its resources. */
    private static final Object CONNECTION = Jdbc.class.getName() + ".connection";
    /** The key of the transaction's {@link Together} among its resources. */
    private static final Object TOGETHER = Jdbc.class.getName() + ".together";

    @EJB
    private Database database;

    private volatile Boolean postgres;

    /**
     * A page's limit written into the SQL, not bound: PostgreSQL's generic plan for a prepared
     * statement (from its sixth run) guesses a tenth of the rows for a bound limit and an open-ended
     * range, and then hashes the whole range for every page; with the number it walks the primary
     * key from the page's start.
     */
    public static String firstRows(int max) {
        return " FETCH FIRST " + Math.max(1, max) + " ROWS ONLY";
    }

    /**
     * A business date written into the SQL, not bound, for a query that joins the journal by date:
     * the generic plan guesses a few hundred entries for a bound date range and hashes every entry of
     * the range for each call (the month's, or all before it), where the written dates let it look
     * up the lines of the accounts asked for and then their entries. A LocalDate prints as digits
     * and dashes only.
     */
    public static String date(LocalDate date) {
        return "DATE '" + date + "'";
    }

    /** The rows {@code sql} selects, each read by {@code row}. */
    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        return run(sql, statement -> {
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        });
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    public int update(String sql, Object... parameters) {
        return run(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /**
     * Runs {@code sql} once for each row of parameters, as one batch (one round trip on PostgreSQL,
     * whose driver rewrites a batch of inserts into one multi-row insert: reWriteBatchedInserts).
     * Returns how many rows each run changed.
     */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        if (rows.size() == 1) {
            return new int[] {update(sql, rows.get(0))};
        }
        return run(sql, statement -> {
            for (Object[] parameters : rows) {
                bind(statement, parameters);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /**
     * Runs {@code work}; on PostgreSQL in a transaction, the writes it makes through this class are
     * sent together when it ends, as one statement (a scope inside another joins the outer one, and
     * its writes go with the outer's). A statement sent at once inside the scope (a query, {@link
     * #update}) first sends the writes made before it, so it sees them; what goes through JPA does
     * not, so JPA must not read inside the scope what its writes write.
     */
    public <T> T together(Supplier<T> work) {
        if (!postgres() || transaction.getTransactionStatus() != Status.STATUS_ACTIVE || openScope() != null) {
            return work.get();
        }
        Together scope = new Together();
        transaction.putResource(TOGETHER, scope);
        boolean sent = false;
        try {
            T result = work.get();
            send(scope);
            sent = true;
            return result;
        } finally {
            scope.open = false;
            if (!sent && !scope.parts.isEmpty()) {
                transaction.setRollbackOnly(); // its writes are lost: nothing of it may commit
            }
        }
    }

    /** An INSERT, UPDATE or DELETE whose row count does not matter: sent at once, or with its together scope. */
    public void write(String sql, Object... parameters) {
        if (!deferred(new Part(sql, parameters, null, false))) {
            update(sql, parameters);
        }
    }

    /** An INSERT, UPDATE or DELETE that must change exactly one row, else IllegalStateException({@code whenNot}). */
    public void writeOne(String whenNot, String sql, Object... parameters) {
        if (!deferred(new Part(sql, parameters, whenNot, false)) && update(sql, parameters) != 1) {
            throw new IllegalStateException(whenNot);
        }
    }

    /**
     * {@code insert} (an INSERT ending with its VALUES tuple) for each of {@code rows}: with a
     * {@link #together} scope one multi-row part, else one batch.
     */
    public void writeRows(String insert, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (openScope() == null) {
            batch(insert, rows);
            return;
        }
        int values = insert.lastIndexOf(" VALUES ");
        String tuple = insert.substring(values + " VALUES ".length());
        deferred(new Part(insert.substring(0, values) + " VALUES " + String.join(", ", Collections.nCopies(rows.size(),
                tuple)), rows.stream().flatMap(Arrays::stream).toArray(), null, false));
    }

    /**
     * A write with a RETURNING clause of one column: its first row's value, known once it has run. In
     * a {@link #together} scope later writes of the scope may read its rows by {@link Returned#table}.
     */
    public Returned writeReturning(String sql, Object... parameters) {
        Part part = new Part(sql, parameters, null, true);
        if (!deferred(part)) {
            part.returned.value = query(sql, row -> row.getObject(1), parameters).stream().findFirst().orElse(null);
            part.returned.known = true;
        }
        return part.returned;
    }

    /** What a {@link #writeReturning} gave: its first row's value, once its statement has run. */
    public static final class Returned {
        private String table;
        private Object value;
        private boolean known;

        /** The value (null when no row was written); IllegalStateException before its statement has run. */
        public Object value() {
            if (!known) {
                throw new IllegalStateException("read before its together scope has ended");
            }
            return value;
        }

        /** The name by which a later write of the same {@link #together} scope reads its rows. */
        public String table() {
            if (table == null) {
                throw new IllegalStateException("only a write in a together scope is a table to later writes");
            }
            return table;
        }
    }

    /** The writes of a {@link #together} scope not sent yet, and whether it is still open. */
    private static final class Together {
        private final List<Part> parts = new ArrayList<>();
        private boolean open = true;
        private int named;
    }

    /** One write of a {@link Together}: a part of its WITH. */
    private static final class Part {
        private final String sql;
        private final Object[] parameters;
        private final String whenNotOne;
        private final Returned returned;
        private String name;

        Part(String sql, Object[] parameters, String whenNotOne, boolean returning) {
            this.sql = sql;
            this.parameters = parameters;
            this.whenNotOne = whenNotOne;
            this.returned = returning ? new Returned() : null;
        }
    }

    /** True when {@code part} waits for the end of the open {@link #together} scope (it is named now). */
    private boolean deferred(Part part) {
        Together scope = openScope();
        if (scope == null) {
            return false;
        }
        part.name = "w" + ++scope.named;
        if (part.returned != null) {
            part.returned.table = part.name;
        }
        scope.parts.add(part);
        return true;
    }

    private Together openScope() {
        if (transaction.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        Together scope = (Together) transaction.getResource(TOGETHER);
        return scope != null && scope.open ? scope : null;
    }

    /**
     * Sends the scope's writes as one statement: {@code WITH w1 AS (...), w2 AS (...) SELECT} each
     * part's row count, or its RETURNING value. PostgreSQL runs every part of a WITH exactly once,
     * on one snapshot, and checks foreign keys at the statement's end (an entry's lines may name it).
     */
    private void send(Together scope) {
        if (scope.parts.isEmpty()) {
            return;
        }
        List<Part> parts = List.copyOf(scope.parts);
        scope.parts.clear();
        StringBuilder with = new StringBuilder("WITH ");
        StringBuilder select = new StringBuilder(" SELECT ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            with.append(i == 0 ? "" : ", ").append(part.name).append(" AS (").append(part.sql)
                    .append(part.returned == null ? " RETURNING 1)" : ")");
            select.append(i == 0 ? "" : ", ").append(part.returned == null ? "(SELECT COUNT(*) FROM " + part.name + ")"
                    : "(SELECT * FROM " + part.name + " LIMIT 1)");
            parameters.addAll(Arrays.asList(part.parameters));
        }
        String sql = with.append(select).toString();
        Object[] answers = run(sql, statement -> {
            bind(statement, parameters.toArray());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                Object[] values = new Object[parts.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.getObject(i + 1);
                }
                return values;
            }
        });
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.returned != null) {
                part.returned.value = answers[i];
                part.returned.known = true;
            } else if (part.whenNotOne != null && ((Number) answers[i]).intValue() != 1) {
                throw new IllegalStateException(part.whenNotOne);
            }
        }
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = database.isPostgres();
            postgres = known;
        }
        return known;
    }

    /** What a prepared statement gives. */
    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs {@code sql} on the transaction's connection: in a transaction the one EclipseLink holds
     * for it (asked for once, kept to the commit, and used by its own statements too: one connection
     * handle per transaction, not one per statement); else one of the pool's, for this statement.
     */
    private <T> T run(String sql, Statement<T> work) {
        Together scope = openScope();
        if (scope != null && !scope.parts.isEmpty()) {
            send(scope); // what runs now sees the writes made before it
        }
        try {
            Connection held = transactionConnection();
            if (held != null) {
                try (PreparedStatement statement = held.prepareStatement(sql)) {
                    return work.run(statement);
                }
            }
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The connection EclipseLink holds for the active transaction (kept with the transaction), or null. */
    private Connection transactionConnection() {
        if (transaction.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        Connection held = (Connection) transaction.getResource(CONNECTION);
        if (held == null) {
            held = em.unwrap(Connection.class);
            if (held != null) {
                transaction.putResource(CONNECTION, held);
            }
        }
        return held;
    }

    /**
     * The next id of {@code entity} from its JPA sequence, as EclipseLink would give it on persist
     * (allocated in blocks, most ids without a round trip), so rows written here and by JPA never
     * share an id.
     */
    public long nextId(Class<?> entity) {
        Server known = session;
        if (known == null) {
            known = JpaHelper.getServerSession(persistenceUnit);
            session = known;
        }
        return ((Number) known.getNextSequenceNumberValue(entity)).longValue();
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            int index = i + 1;
            if (value instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof LocalDate date) {
                statement.setObject(index, date);
            } else if (value instanceof BigDecimal decimal) {
                statement.setBigDecimal(index, decimal);
            } else if (value instanceof Enum<?> constant) {
                statement.setString(index, constant.name());
            } else {
                statement.setObject(index, value);
            }
        }
    }

    private static PersistenceException failed(String sql, SQLException e) {
        return new PersistenceException(e.getMessage() + " [" + sql + "]", e);
    }
}
