package bank.teller.platform;

import jakarta.annotation.Resource;
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
import java.util.List;
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
