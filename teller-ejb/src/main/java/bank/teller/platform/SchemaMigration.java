package bank.teller.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.logging.Logger;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

/**
 * Brings the schema up to date at start-up with the versioned Liquibase changelogs in
 * {@code db/changelog} (the same changesets on H2 and PostgreSQL), then loads the demo data where
 * that is wanted. Deployment fails if a migration fails: better no counter than a wrong one.
 */
@Singleton
@Startup
@PermitAll
@DependsOn("Database")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String MASTER_CHANGELOG = "db/changelog/teller-master.yaml";
    public static final String FIRST_BUSINESS_DATE = "teller.first-business-date";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @EJB
    private bank.teller.platform.Database database;

    @EJB
    private DemoData demoData;

    @EJB
    private bank.teller.security.SecretsAtRest secrets;

    @PostConstruct
    void migrate() {
        try (Connection connection = database.dataSource().getConnection();
             ClasspathChangelogAccessor changelogs = new ClasspathChangelogAccessor(getClass().getClassLoader())) {
            Database target = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(MASTER_CHANGELOG, changelogs, target).update(new Contexts(), new LabelExpression());
            LOG.info(() -> "schema is up to date on " + target.getDatabaseProductName());
        } catch (Exception e) {
            throw new IllegalStateException("schema migration failed", e);
        }
        secrets.encryptLegacySecrets();
        firstBusinessDate(System.getProperty(FIRST_BUSINESS_DATE));
        demoData.loadIfWanted();
    }

    /**
     * A new bank's first business date ({@value #FIRST_BUSINESS_DATE}, default the date the database
     * was made): taken only while nothing has been done on any day (no till opened, nothing posted);
     * after that the date moves only by end of day's roll.
     */
    private void firstBusinessDate(String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return;
        }
        LocalDate first = LocalDate.parse(wanted.trim());
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE business_day SET business_date = ? "
                     + "WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM journal_entry) AND NOT EXISTS (SELECT 1 FROM till_session)")) {
            update.setObject(1, first);
            if (update.executeUpdate() == 1) {
                LOG.info(() -> "the first business date is " + first);
            } else {
                LOG.warning(() -> FIRST_BUSINESS_DATE + "=" + first + " ignored: business has been done already");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot set the first business date", e);
        }
    }
}
