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
        demoData.loadIfWanted();
    }
}
