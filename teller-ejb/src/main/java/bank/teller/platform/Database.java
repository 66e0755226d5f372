package bank.teller.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The application's datasource ({@code java:jboss/datasources/TellerDS}: H2 embedded by default,
 * PostgreSQL in production) and the few places where the two speak different SQL.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Database {

    public static final String JNDI = "java:jboss/datasources/TellerDS";

    @Resource(lookup = JNDI)
    private DataSource dataSource;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    private String product;

    @PostConstruct
    void detect() {
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach " + JNDI, e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The database product, as its JDBC driver names it. */
    public String product() {
        return product;
    }

    /** The class behind the JPA EntityManager: shows which provider really runs (EclipseLink). */
    public String persistenceProvider() {
        return em.getDelegate().getClass().getName();
    }

    public boolean isPostgres() {
        return product.toLowerCase().contains("postgres");
    }

    public boolean isH2() {
        return product.toLowerCase().contains("h2");
    }

    /**
     * {@code update} (an UPDATE statement) made to answer with {@code column} of the rows it
     * changed, in the one statement: PostgreSQL's RETURNING, H2's data change delta table.
     */
    public String updateReturning(String update, String column) {
        return isPostgres() ? update + " RETURNING " + column : "SELECT " + column + " FROM FINAL TABLE (" + update + ")";
    }

    /**
     * The clause that locks the rows a SELECT reads until the transaction ends, against writers and
     * other lockers but not against rows that merely refer to them: PostgreSQL's FOR NO KEY UPDATE
     * (the lock an UPDATE of non-key columns takes), so a journal line naming a hot account, whose
     * foreign key share-locks the account's key, does not wait for the account's fold; H2's FOR UPDATE.
     */
    public String forUpdate() {
        return isPostgres() ? " FOR NO KEY UPDATE" : " FOR UPDATE";
    }

    /**
     * A SELECT of {@code columns} over the rows {@code delete} (a DELETE statement) deletes, in the
     * one statement: PostgreSQL's data-modifying WITH, H2's data change delta table.
     */
    public String selectDeleted(String columns, String delete) {
        return isPostgres() ? "WITH deleted AS (" + delete + " RETURNING *) SELECT " + columns + " FROM deleted"
                : "SELECT " + columns + " FROM OLD TABLE (" + delete + ")";
    }

    /** The next value of a database sequence, in the caller's transaction. */
    public long nextValue(String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException(sequence);
        }
        String sql = isPostgres() ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
