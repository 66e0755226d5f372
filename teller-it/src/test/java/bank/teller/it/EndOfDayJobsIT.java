package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountDormancy;
import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.CashDeposits;
import bank.teller.batch.BatchJobs;
import bank.teller.batch.JobRun;
import bank.teller.batch.TrialBalanceBatchlet;
import bank.teller.ledger.application.LedgerCheck;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.platform.ServerNode;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End-of-day jobs: the trial balance passes on honest books and finds an unbalanced entry planted
 * in the database; the dormancy run marks accounts unused for a year dormant.
 */
@ExtendWith(ArquillianExtension.class)
class EndOfDayJobsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("end-of-day-it", EndOfDayJobsIT.class);
    }

    @Inject
    AsUser asUser;

    /**
     * Two nodes (issue 20): a batch run another node took goes on there while that node beats and has
     * not been started again since; one whose node went silent, or started again, ended with it (and may
     * be restarted); one this server took is this server's own to know.
     */
    @Test
    void aRunGoesOnElsewhereWhileItsNodeIsAliveAndEndedWithItOtherwise() throws Exception {
        ServerNode node = Lookup.ejb("teller-ejb", ServerNode.class);
        long elsewhere = 9_000_000_000_001L;
        long here = 9_000_000_000_002L;
        Sql.update("DELETE FROM batch_run_node WHERE execution_id IN (?, ?)", elsewhere, here);
        Sql.update("DELETE FROM server_node WHERE name = 'node-x'");
        Sql.update("INSERT INTO server_node (name, incarnation, seen_millis) VALUES ('node-x', 'start-1', ?)",
                System.currentTimeMillis());
        Sql.update("INSERT INTO batch_run_node (execution_id, node, incarnation) VALUES (?, 'node-x', 'start-1')", elsewhere);
        assertTrue(node.runsElsewhere(elsewhere), "node-x beats: its run goes on");

        Sql.update("UPDATE server_node SET incarnation = 'start-2' WHERE name = 'node-x'");
        assertFalse(node.runsElsewhere(elsewhere), "node-x started again: the run ended with its first start");

        Sql.update("UPDATE server_node SET incarnation = 'start-1', seen_millis = ? WHERE name = 'node-x'",
                System.currentTimeMillis() - 31_000);
        assertFalse(node.runsElsewhere(elsewhere), "node-x silent for half a minute: gone");

        node.runs(here);
        assertEquals(node.name(), Sql.string("SELECT node FROM batch_run_node WHERE execution_id = ?", here));
        assertFalse(node.runsElsewhere(here), "this server's own runs are not elsewhere");
        assertFalse(node.runsElsewhere(9_000_000_000_003L), "a run no node took");
    }

    @Test
    void honestBooksBalanceAndAPlantedOneSidedEntryIsFound() throws Exception {
        String account = Counter.classOneAccount(asUser, "试算客户");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class)
                .deposit(account, "1000.00", "CNY", TestData.requestId("dep")));

        BatchJobs jobs = Lookup.ejb("teller-batch", BatchJobs.class);
        JobRun honest = finished(asUser.supervisor(jobs::startTrialBalance), jobs);
        assertEquals(TrialBalanceBatchlet.BALANCED, honest.exitStatus(), honest.report());

        long planted = plantOneSidedEntry(account);
        try {
            JobRun found = finished(asUser.supervisor(jobs::startTrialBalance), jobs);
            assertEquals("COMPLETED", found.batchStatus());
            assertEquals(TrialBalanceBatchlet.UNBALANCED, found.exitStatus());
            assertTrue(found.report().contains("entry " + planted + ": unbalanced by 0.01"), found.report());
            assertTrue(found.report().contains("account " + account + ": balance 1000.00 != journal 1000.01"), found.report());
        } finally {
            removeEntry(planted);
        }
        JobRun clean = finished(asUser.supervisor(jobs::startTrialBalance), jobs);
        assertEquals(TrialBalanceBatchlet.BALANCED, clean.exitStatus(), clean.report());
    }

    @Test
    void theBooksCheckedNowFindATillWhoseCashDoesNotAgreeWithItsLedger() throws Exception {
        String account = Counter.classOneAccount(asUser, "账实核对");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class)
                .deposit(account, "500.00", "CNY", TestData.requestId("dep")));
        TrialBalance books = Lookup.ejb("teller-ejb", TrialBalance.class);
        LedgerCheck honest = asUser.supervisor(books::check);
        assertTrue(honest.balanced(), honest.findings().toString());
        LedgerCheck.Till till = honest.tills().stream().filter(t -> t.teller().equals(AsUser.TELLER))
                .findFirst().orElseThrow(() -> new AssertionError("the teller's till: " + honest.tills()));
        assertEquals(till.cash(), till.ledger());
        assertTrue(honest.controls().stream().anyMatch(c -> c.glCode().equals("2011") && c.agrees()));
        assertThrows(EJBAccessException.class, () -> asUser.teller(books::check));

        // planted: the till opened with a fen more than its last count (cash from nowhere)
        long session = Long.parseLong(Sql.string("SELECT MAX(id) FROM till_session WHERE branch_code = ? "
                + "AND till_code = ?", till.branchCode(), till.tillCode()));
        Sql.update("UPDATE till_session SET opening_cash = opening_cash + 0.01 WHERE id = ?", session);
        try {
            LedgerCheck found = asUser.supervisor(books::check);
            assertEquals(List.of("till " + till.branchCode() + "/" + till.tillCode() + ": cash "
                    + new BigDecimal(till.cash()).add(new BigDecimal("0.01")).toPlainString() + " != ledger "
                    + till.ledger()), found.findings());
            BatchJobs jobs = Lookup.ejb("teller-batch", BatchJobs.class);
            JobRun run = finished(asUser.supervisor(jobs::startTrialBalance), jobs);
            assertEquals(TrialBalanceBatchlet.UNBALANCED, run.exitStatus(), "end of day's trial balance finds it too");
        } finally {
            Sql.update("UPDATE till_session SET opening_cash = opening_cash - 0.01 WHERE id = ?", session);
        }
        assertTrue(asUser.supervisor(books::check).balanced());
    }

    @Test
    void jobRunsAreKeptInTheDatabaseJobRepository() throws Exception {
        BatchJobs jobs = Lookup.ejb("teller-batch", BatchJobs.class);
        long execution = asUser.supervisor(jobs::startTrialBalance);
        JobRun run = finished(execution, jobs);
        assertEquals("COMPLETED", run.batchStatus());
        assertTrue(asUser.supervisor(() -> jobs.history(BatchJobs.TRIAL_BALANCE)).stream()
                .anyMatch(r -> r.executionId() == execution));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM job_execution WHERE jobexecutionid = ?", execution));
    }

    @Test
    void aTellerCannotStartTheJob() {
        BatchJobs jobs = Lookup.ejb("teller-batch", BatchJobs.class);
        assertThrows(EJBAccessException.class,
                () -> asUser.teller(jobs::startTrialBalance));
    }

    @Test
    void anAccountUnusedForAYearTurnsDormantAndTakesNoPostingsUntilTheCustomerReactivatesIt() throws Exception {
        String unused = Counter.classOneAccount(asUser, "久悬客户");
        String used = Counter.classOneAccount(asUser, "常用客户");
        // planted: both opened 400 days before the business date; only one was used since
        Sql.update("UPDATE account SET opened_on = opened_on - 400 WHERE account_number IN (?, ?)", unused, used);
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        asUser.teller(() -> deposits.deposit(used, "1.00", "CNY", TestData.requestId("dep")));

        BatchJobs jobs = Lookup.ejb("teller-batch", BatchJobs.class);
        JobRun run = finished(asUser.supervisor(jobs::startDormancy), jobs);
        assertEquals("COMPLETED", run.batchStatus());
        assertTrue(run.exitStatus().startsWith("DORMANT "), run.exitStatus());
        AccountQueries queries = Lookup.ejb("teller-ejb", AccountQueries.class);
        assertEquals("DORMANT", asUser.teller(() -> queries.account(unused)).status());
        assertEquals("ACTIVE", asUser.teller(() -> queries.account(used)).status());
        assertEquals(ErrorCode.ACCOUNT_NOT_ACTIVE, assertThrows(TellerException.class, () -> asUser.teller(
                () -> deposits.deposit(unused, "1.00", "CNY", TestData.requestId("dep")))).code());

        AccountDormancy dormancy = Lookup.ejb("teller-ejb", AccountDormancy.class);
        assertThrows(EJBAccessException.class, () -> asUser.teller(dormancy::markDormantAccounts));
        String key = TestData.requestId("reactivate");
        assertEquals("ACTIVE", asUser.teller(() -> dormancy.reactivate(unused, key)).status());
        assertEquals("ACTIVE", asUser.teller(() -> dormancy.reactivate(unused, key)).status(), "a replay");
        assertEquals(ErrorCode.ACCOUNT_NOT_DORMANT, assertThrows(TellerException.class, () -> asUser.teller(
                () -> dormancy.reactivate(unused, TestData.requestId("reactivate")))).code());
        assertEquals("1.00", asUser.teller(() -> deposits.deposit(unused, "1.00", "CNY", TestData.requestId("dep")))
                .balanceAfter());
    }

    @Test
    void theAuditVerificationJobSealsTheTrailAndReportsWhetherItIsIntact() throws Exception {
        long sealsBefore = Sql.count("SELECT COUNT(*) FROM audit_seal");
        BatchJobs jobs = Lookup.ejb("teller-batch", BatchJobs.class);
        JobRun run = finished(asUser.supervisor(jobs::startAuditVerification), jobs);
        assertEquals("COMPLETED", run.batchStatus());
        // INTACT, or BROKEN where AuditTrailIT has tampered with the trail before (it checks the findings)
        assertTrue(run.exitStatus().matches("INTACT \\d+ records|BROKEN \\d+ findings"), run.exitStatus());
        assertEquals(sealsBefore + 1, Sql.count("SELECT COUNT(*) FROM audit_seal"));
        assertThrows(EJBAccessException.class, () -> asUser.teller(jobs::startAuditVerification));
    }

    private JobRun finished(long execution, BatchJobs jobs) throws Exception {
        // job status is read through BatchJobs: a JobOperator only sees its own deployment's jobs
        for (int i = 0; i < 300; i++) {
            JobRun run = asUser.supervisor(() -> jobs.run(execution));
            if ("COMPLETED".equals(run.batchStatus()) || "FAILED".equals(run.batchStatus())) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job execution " + execution + " did not finish");
    }

    /** A journal entry with a single credit of 0.01 on the account: what a broken posting would leave. */
    private static long plantOneSidedEntry(String account) throws Exception {
        long id = 900_000_000L + System.nanoTime() % 1_000_000L;
        Sql.update("INSERT INTO journal_entry (id, entry_type, business_date, branch_code, teller, request_id, posted_at) "
                + "VALUES (?, 'PLANTED', CURRENT_DATE, '0001', 'test', ?, CURRENT_TIMESTAMP)", id, "planted-" + id);
        Sql.update("INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency) "
                + "VALUES (?, ?, 1, '2011', ?, 'CREDIT', 0.01, 'CNY')", id, id, account);
        return id;
    }

    private static void removeEntry(long id) throws Exception {
        Sql.update("DELETE FROM journal_line WHERE entry_id = ?", id);
        Sql.update("DELETE FROM journal_entry WHERE id = ?", id);
    }
}
