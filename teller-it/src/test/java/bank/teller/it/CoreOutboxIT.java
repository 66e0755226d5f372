package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.Receipt;
import bank.teller.integration.CorePostingRelay;
import bank.teller.integration.ParkedPostings;
import bank.teller.integration.ParkedPostings.ParkedPostingView;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox of core postings with an entry in it that can never be sent (its lines were lost
 * behind Teller's back, so its message would not balance): the postings after it still reach the
 * core system, and after a few failures it is set aside for a supervisor, who can send it again.
 */
@ExtendWith(ArquillianExtension.class)
class CoreOutboxIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("core-outbox-it", CoreOutboxIT.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void anEntryThatCannotBeSentIsSetAsideAndThePostingsAfterItFlow() throws Exception {
        long poisoned = Sql.count("SELECT nextval('journal_entry_seq')"); // a block of ids EclipseLink will not use
        Sql.update("INSERT INTO journal_entry (id, entry_type, business_date, branch_code, teller, request_id, posted_at) "
                + "SELECT ?, 'CASH_DEPOSIT', business_date, '0001', 'teller1', ?, CURRENT_TIMESTAMP FROM business_day",
                poisoned, TestData.requestId("poison"));
        Sql.update("INSERT INTO core_outbox (entry_id, created_at) VALUES (?, CURRENT_TIMESTAMP)", poisoned);
        try {
            CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
            String account = Counter.classOneAccount(asUser, "停发客户");
            for (int i = 0; i < 3; i++) { // the relay counts a failure only while others go through
                Receipt receipt = asUser.teller(() -> deposits.deposit(account, "10.00", "CNY", TestData.requestId("flow")));
                Await.until(() -> Sql.count("SELECT COUNT(*) FROM core_outbox WHERE entry_id = ?", receipt.entryId()) == 0);
                assertEquals(0, Sql.count("SELECT COUNT(*) FROM core_outbox WHERE entry_id = ?", receipt.entryId()),
                        "a posting after the one that cannot be sent reached the core system");
            }
            Await.until(() -> Sql.string("SELECT parked_at FROM core_outbox WHERE entry_id = ?", poisoned) != null);

            ParkedPostings parked = Lookup.ejb("teller-ejb", ParkedPostings.class);
            ParkedPostingView aside = asUser.supervisor(parked::list).stream().filter(p -> p.entryId() == poisoned)
                    .findFirst().orElseThrow(() -> new AssertionError("entry " + poisoned + " not set aside"));
            assertEquals(3, aside.attempts());
            assertTrue(aside.reason().contains("JOURNAL_UNBALANCED"), aside.reason());
            assertNotNull(aside.parkedAt());
            assertTrue(asUser.supervisor(parked::depth).parked() >= 1);
            assertThrows(EJBAccessException.class, () -> asUser.teller(parked::list));

            asUser.supervisor(() -> parked.resend(poisoned, "lines restored from the backup"));
            assertNull(Sql.string("SELECT parked_at FROM core_outbox WHERE entry_id = ?", poisoned), "back in line");
            assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'PARKED_POSTING_RESENT' "
                    + "AND subject = ? AND actor = 'super1'", "entry:" + poisoned));
        } finally {
            Sql.update("DELETE FROM core_outbox WHERE entry_id = ?", poisoned);
            Sql.update("DELETE FROM journal_entry WHERE id = ?", poisoned);
        }
    }

    @Test
    void aBacklogOfManyBatchesIsSentInOneRunNotOneBatchASecond() throws Exception {
        int backlog = 2_100; // over four batches of 500: one batch a second would leave most of it behind
        long first = reserveIds("journal_entry_seq", backlog);
        long firstLine = reserveIds("journal_line_seq", 2 * backlog);
        // entries that move nothing (Dr and Cr the same GL account), as a burst of postings would leave them
        Sql.update("INSERT INTO journal_entry (id, entry_type, business_date, branch_code, teller, request_id, posted_at) "
                + "SELECT ? + g, 'CASH_DEPOSIT', (SELECT business_date FROM business_day), '0001', 'teller1', "
                + "CONCAT('backlog-', CAST(? + g AS VARCHAR)), CURRENT_TIMESTAMP FROM generate_series(0, ?) g",
                first, first, backlog - 1);
        Sql.update("INSERT INTO journal_line (id, entry_id, line_no, gl_code, side, amount, currency) "
                + "SELECT ? + 2 * g + s, ? + g, s + 1, '1001', CASE s WHEN 0 THEN 'DEBIT' ELSE 'CREDIT' END, 1.00, 'CNY' "
                + "FROM generate_series(0, ?) g CROSS JOIN generate_series(0, 1) s", firstLine, first, backlog - 1);
        try {
            Sql.update("INSERT INTO core_outbox (entry_id, created_at, attempts) SELECT ? + g, CURRENT_TIMESTAMP, 0 "
                    + "FROM generate_series(0, ?) g", first, backlog - 1);
            Lookup.ejb("teller-ejb", CorePostingRelay.class).sendPending();
            assertEquals(0, Sql.count("SELECT COUNT(*) FROM core_outbox WHERE entry_id BETWEEN ? AND ?",
                    first, first + backlog - 1), "one run of the relay left part of the backlog for later runs");
            // the core system (its simulator) books every one and acknowledges it: none left SENT
            Await.until(() -> Sql.count("SELECT COUNT(*) FROM core_posting WHERE entry_id BETWEEN ? AND ? "
                    + "AND state = 'ACKNOWLEDGED'", first, first + backlog - 1) == backlog);
            assertEquals(backlog, Sql.count("SELECT COUNT(*) FROM core_posting WHERE entry_id BETWEEN ? AND ? "
                    + "AND state = 'ACKNOWLEDGED'", first, first + backlog - 1), "every one booked and acknowledged");
        } finally {
            Sql.update("DELETE FROM core_posting WHERE entry_id BETWEEN ? AND ?", first, first + backlog - 1);
            Sql.update("DELETE FROM core_outbox WHERE entry_id BETWEEN ? AND ?", first, first + backlog - 1);
            Sql.update("DELETE FROM journal_line WHERE entry_id BETWEEN ? AND ?", first, first + backlog - 1);
            Sql.update("DELETE FROM journal_entry WHERE id BETWEEN ? AND ?", first, first + backlog - 1);
        }
    }

    /**
     * {@code count} ids of an EclipseLink sequence (allocation 50) that it will never hand out: the
     * sequence moved past them. Returns the first.
     */
    private static long reserveIds(String sequence, int count) throws Exception {
        long taken = Sql.count("SELECT nextval('" + sequence + "')");
        Sql.count("SELECT setval('" + sequence + "', " + (taken + count + 100) + ")");
        return taken + 50;
    }
}
