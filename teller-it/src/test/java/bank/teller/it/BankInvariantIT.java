package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.bench.Api;
import bank.teller.bench.BankWorkload;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bank invariant through the REST API, the short form of bench/proof: 16 writers post random
 * deposits, withdrawals and transfers among 20 accounts while 4 readers read every balance at once;
 * every read and the final state are explained by the answers the clients got, every posted request
 * has exactly one journal entry and every refused one none, and the books balance. Then the
 * negative control: one fen put into an account behind Teller's back, which the checker must find.
 */
@ExtendWith(ArquillianExtension.class)
class BankInvariantIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("bank-invariant-it", BankInvariantIT.class, Https.class, Tokens.class)
                .addPackage(BankWorkload.class.getPackage());
    }

    @Test
    void randomPostingsThroughTheApiAreEachExplainedByTheirAnswersAndTheCheckerFindsAPlantedFen() throws Exception {
        Api api = new Api(Https.BASE + "/api/v1",
                stale -> Https.sessionCookieOf(AsUser.TELLER, AsUser.TELLER_PASSWORD, stale));
        String supervisorName = TestUsers.create("SUPERVISOR");
        Api supervisor = new Api(Https.BASE + "/api/v1",
                stale -> Https.sessionCookieOf(supervisorName, TestUsers.PASSWORD, stale));
        // one of the accounts hot: its credits pending until folded, and still explained exactly once
        BankWorkload workload = BankWorkload.setUp(api, BankWorkload.Settings.of(20, 16, 4, Duration.ofSeconds(20)),
                supervisor);
        workload.run();
        BankWorkload.Report report = workload.check(Sql::connection);
        System.out.print("bank invariant: " + report.text());
        assertTrue(report.ok(), report.text());
        assertEquals(0, report.unresolved(), report.text());
        assertTrue(report.posted() > 100, "too few postings to prove anything: " + report.text());
        assertTrue(report.reads() > 20, "too few reads to prove anything: " + report.text());
        String hot = workload.accounts().get(workload.accounts().size() - 1);
        assertTrue(Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ? AND balance_after IS NULL",
                hot) > 0, "no credit to the hot account was pending: the hot path went untested");

        String victim = workload.accounts().get(0);
        Sql.update("UPDATE account SET balance = balance + 0.01 WHERE account_number = ?", victim);
        try {
            workload.readOnceMore();
            BankWorkload.Report damaged = workload.check(Sql::connection);
            assertFalse(damaged.ok(), "the checker missed a planted fen");
            assertTrue(damaged.violations().stream().anyMatch(v -> v.contains("account " + victim + " has")),
                    damaged.text());
        } finally {
            Sql.update("UPDATE account SET balance = balance - 0.01 WHERE account_number = ?", victim);
        }
    }
}
