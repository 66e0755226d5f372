package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.platform.Database;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stack itself: EclipseLink is the JPA provider, Liquibase owns the schema, PostgreSQL holds it. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("platform-it", PlatformIT.class);
    }

    @Test
    void theEntityManagerIsEclipseLinks() {
        String provider = Lookup.ejb("teller-ejb", Database.class).persistenceProvider();
        assertTrue(provider.startsWith("org.eclipse.persistence."), provider);
    }

    @Test
    void theTestsRunOnPostgreSql() {
        assertEquals("PostgreSQL", Lookup.ejb("teller-ejb", Database.class).product());
    }

    @Test
    void theSchemaWasBuiltByLiquibaseChangesets() throws Exception {
        long applied = Sql.count("SELECT COUNT(*) FROM databasechangelog WHERE author = 'teller'");
        assertTrue(applied >= 5, "applied changesets: " + applied);
    }

    @Test
    void theChartOfAccountsHasTheAccountsTheLedgerPostsTo() throws Exception {
        assertEquals(6, Sql.count("SELECT COUNT(*) FROM gl_account WHERE code IN ('1001', '1002', '2011', '6021', '1221', '2241')"));
    }
}
