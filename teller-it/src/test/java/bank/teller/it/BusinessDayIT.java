package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountClosing;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.ClosingResult;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Transfers;
import bank.teller.approval.application.Approvals;
import bank.teller.batch.BatchJobs;
import bank.teller.batch.EndOfDayView;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.BusinessDays.BranchDay;
import bank.teller.deposit.application.DemandInterest;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.till.application.Tills;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The business day on the suite's server, whose date must not move (the other tests run on it):
 * a branch with an open till cannot close its day, end of day stops at its checks naming it and
 * changes nothing; a supervisor forces the close with a reason; the roll waits for a posting in
 * flight and a posting booked before the roll is refused after it; the accrual counts a day once.
 * Whole business days, the roll included, run on a server of their own ({@code BusinessDaysIT}).
 */
@ExtendWith(ArquillianExtension.class)
class BusinessDayIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("business-day-it", BusinessDayIT.class);
    }

    @Inject
    AsUser asUser;

    @Resource
    UserTransaction transaction;

    @Test
    void aBranchWithAnOpenTillCannotCloseAndEndOfDayStopsAtItsChecksNamingItAndChangingNothing() throws Exception {
        String branch = TestUsers.branch();
        String teller = TestUsers.createIn(branch, "TELLER");
        String supervisor = TestUsers.createIn(branch, "SUPERVISOR");
        String otherTeller = TestUsers.createIn(branch, "TELLER");
        as(teller, () -> Lookup.ejb("teller-ejb", Tills.class).open(TestData.requestId("open")));
        BusinessDays days = Lookup.ejb("teller-ejb", BusinessDays.class);
        LocalDate today = Sql.businessDate();

        TellerException notBalanced = assertThrows(TellerException.class, () -> as(supervisor,
                () -> days.close(branch, false, null)));
        assertEquals(ErrorCode.BRANCH_DAY_NOT_BALANCED, notBalanced.code());
        assertTrue(notBalanced.args().get(1).toString().contains("(" + teller + ") OPEN since " + today),
                notBalanced.args().toString());
        TellerException outside = assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> days.close(branch, true, "not mine")));
        assertEquals(ErrorCode.OUTSIDE_BRANCH, outside.code());

        long closedByEndOfDay = Sql.count("SELECT COUNT(*) FROM branch_day WHERE business_date = ?", today);
        long failedBefore = Sql.count("SELECT COALESCE(SUM(items_failed), 0) FROM end_of_day_step "
                + "WHERE step_name = 'checks' AND business_date = ?", today);
        EndOfDayView run = finished(startOrRestart(today));
        assertEquals("FAILED", run.run().batchStatus());
        EndOfDayView.Step checks = run.steps().get(0);
        assertEquals("checks", checks.name());
        assertEquals("BRANCHES OPEN", checks.exitStatus(), "a finding, not an error: " + checks);
        assertEquals("BRANCHES OPEN", run.run().exitStatus());
        assertEquals(failedBefore + 1, checks.failed(), "one more failure in the run's report");
        String reasons = checks.partitions().get(0).reasons();
        assertTrue(reasons.contains("END_OF_DAY_BRANCHES_OPEN") && reasons.contains(branch + " (till "), reasons);
        assertEquals(1, run.steps().size(), "no step after the failed checks ran: " + run.steps());
        assertEquals(today, Sql.businessDate(), "the date did not roll");
        assertEquals(closedByEndOfDay, Sql.count("SELECT COUNT(*) FROM branch_day WHERE business_date = ?", today),
                "checks that fail close no branch");

        BatchJobs jobs = Lookup.ejb("teller-batch", BatchJobs.class);
        TellerException again = assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> jobs.startEndOfDay(today.toString(), null)));
        assertEquals(ErrorCode.END_OF_DAY_RESTART_INSTEAD, again.code());
        TellerException staleDate = assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> jobs.startEndOfDay(today.minusDays(1).toString(), null)));
        assertEquals(ErrorCode.END_OF_DAY_WRONG_DATE, staleDate.code());

        TellerException noReason = assertThrows(TellerException.class, () -> as(supervisor,
                () -> days.close(branch, true, " ")));
        assertEquals(ErrorCode.TEXT_INVALID, noReason.code());
        BranchDay forced = as(supervisor, () -> days.close(branch, true, "till key lost, counted tomorrow"));
        assertTrue(forced.closed() && forced.forced(), forced.toString());
        assertEquals("till key lost, counted tomorrow", forced.reason());
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = ? AND subject = ? AND detail LIKE ?",
                BusinessDays.FORCE_CLOSE, branch, "%till key lost%"));
        assertEquals(forced, as(supervisor, () -> days.close(branch, false, null)), "closing again changes nothing");

        TellerException closed = assertThrows(TellerException.class, () -> as(otherTeller,
                () -> Lookup.ejb("teller-ejb", Tills.class).open(TestData.requestId("open"))));
        assertEquals(ErrorCode.BRANCH_DAY_CLOSED, closed.code());
    }

    /**
     * A transfer is held after it wrote its entry (a test transaction holds its teller's voucher
     * counter), so it holds the business day's lock shared; the roll, in a transaction rolled back at
     * the end (the date stays) with every branch's day closed in it, waits for it, and the transfer,
     * once committed, is dated the day that closed.
     */
    @Test
    void theRollWaitsForAPostingInFlightWhichKeepsTheDayThatClosed() throws Exception {
        String teller = TestUsers.create("TELLER");
        String payer = Counter.classOneAccount(asUser, "日切甲");
        String payee = Counter.classOneAccount(asUser, "日切乙");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(payer, "100.00", "CNY",
                TestData.requestId("dep")));
        Transfers transfers = Lookup.ejb("teller-ejb", Transfers.class);
        as(teller, () -> transfers.transfer(payer, payee, "1.00", "CNY", TestData.requestId("first")));
        String till = Sql.string("SELECT till_code FROM app_user WHERE username = ?", teller);
        LocalDate today = Sql.businessDate();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch release = new CountDownLatch(1);
        try {
            CountDownLatch held = new CountDownLatch(1);
            Future<?> voucherCounter = pool.submit(() -> rolledBack(() -> {
                Sql.string("SELECT till_code FROM voucher_sequence WHERE branch_code = '0001' AND business_date = ? "
                        + "AND till_code = ? FOR UPDATE", today, till);
                held.countDown();
                return release.await(60, TimeUnit.SECONDS);
            }));
            assertTrue(held.await(60, TimeUnit.SECONDS), "the voucher counter is held");
            Future<Receipt> transfer = pool.submit(() -> as(teller, () -> transfers.transfer(payer, payee, "2.00", "CNY",
                    TestData.requestId("inflight"))));
            awaitWaiting("locktype <> 'advisory'", "the transfer never reached its voucher");
            Future<LocalDate> roll = pool.submit(() -> asUser.supervisor(() -> rolledBack(() -> {
                closeEveryBranch(today);
                return Lookup.ejb("teller-ejb", BusinessDays.class).roll(today);
            })));
            awaitWaiting("locktype = 'advisory'", "the roll never waited for the transfer's lock");
            release.countDown();
            voucherCounter.get(60, TimeUnit.SECONDS);
            Receipt receipt = transfer.get(60, TimeUnit.SECONDS);
            assertEquals(today, receipt.businessDate());
            LocalDate rolledTo = roll.get(60, TimeUnit.SECONDS);
            assertTrue(rolledTo.isAfter(today), "the roll went on once the transfer committed: " + rolledTo);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertEquals(today, Sql.businessDate(), "the roll was rolled back");
    }

    /**
     * A transfer that read the business date before a roll and writes after it is refused, nothing
     * posted: it waits for its payer's row (a test transaction holds it) while the roll commits. The
     * roll commits here (the one place in the suite where it does): the branches' closes it needed
     * and the date are put back at the end, for the tests after this one.
     */
    @Test
    void aPostingBookedBeforeTheRollAndWrittenAfterItIsRefused() throws Exception {
        String payer = Counter.classOneAccount(asUser, "日切丙");
        String payee = Counter.classOneAccount(asUser, "日切丁");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(payer, "100.00", "CNY",
                TestData.requestId("dep")));
        LocalDate today = Sql.businessDate();
        long lines = Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ?", payer);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch release = new CountDownLatch(1);
        try {
            CountDownLatch held = new CountDownLatch(1);
            Future<?> payerRow = pool.submit(() -> rolledBack(() -> {
                Sql.string("SELECT account_number FROM account WHERE account_number = ? FOR UPDATE", payer);
                held.countDown();
                return release.await(60, TimeUnit.SECONDS);
            }));
            assertTrue(held.await(60, TimeUnit.SECONDS), "the payer's row is held");
            Future<Receipt> transfer = pool.submit(() -> asUser.teller(() -> Lookup.ejb("teller-ejb", Transfers.class)
                    .transfer(payer, payee, "1.00", "CNY", TestData.requestId("tr"))));
            awaitWaiting("locktype <> 'advisory'", "the transfer never waited for its payer");
            LocalDate rolledTo = asUser.supervisor(() -> committed(() -> {
                closeEveryBranch(today);
                return Lookup.ejb("teller-ejb", BusinessDays.class).roll(today);
            }));
            assertTrue(rolledTo.isAfter(today));
            release.countDown();
            payerRow.get(60, TimeUnit.SECONDS);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> transfer.get(60, TimeUnit.SECONDS));
            TellerException refused = (TellerException) failed.getCause();
            assertEquals(ErrorCode.BUSINESS_DATE_CHANGED, refused.code());
            assertEquals(List.of(today, rolledTo), refused.args());
        } finally {
            release.countDown();
            pool.shutdownNow();
            Sql.update("DELETE FROM branch_day WHERE closed_by = 'business-day-it'");
            Sql.update("UPDATE business_day SET business_date = ? WHERE id = 1", today);
        }
        assertEquals(lines, Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ?", payer),
                "nothing was posted");
    }

    /** Accrues {@code account} alone for {@code today} as end of day's accrual would, committed. */
    private DemandInterest.Outcome accrue(DemandInterest interest, String account, LocalDate today) throws Exception {
        return asUser.supervisor(() -> committed(() -> interest.accrue(interest.accrualPage(account.substring(0, 15),
                account, 20).stream().filter(item -> item.accountNumber().equals(account)).toList(), today)));
    }

    /** Runs {@code work} in a transaction of its own and commits it (rolls it back when the work fails). */
    private <T> T committed(AsUser.Work<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.run();
            transaction.commit();
            return result;
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        }
    }

    /** Runs {@code work} in a transaction of its own and rolls it back: what it wrote is gone after. */
    private <T> T rolledBack(AsUser.Work<T> work) throws Exception {
        transaction.begin();
        try {
            return work.run();
        } finally {
            transaction.rollback();
        }
    }

    private static void closeEveryBranch(LocalDate today) throws Exception {
        Sql.update("INSERT INTO branch_day (branch_code, business_date, closed_by, closed_at, forced) "
                + "SELECT code, ?, 'business-day-it', CURRENT_TIMESTAMP, FALSE FROM branch b WHERE NOT EXISTS "
                + "(SELECT 1 FROM branch_day d WHERE d.branch_code = b.code AND d.business_date = ?)", today, today);
    }

    /** The accrual of today (and the closed days after it) for one account, run twice: the days count once. */
    @Test
    void theAccrualCountsEachDayOnceAtTheDaysRate() throws Exception {
        String account = Counter.classOneAccount(asUser, "计息客户");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, "36000.00", "CNY",
                TestData.requestId("dep")));
        LocalDate today = Sql.businessDate();
        DemandInterest interest = Lookup.ejb("teller-ejb", DemandInterest.class);
        for (int run = 0; run < 2; run++) {
            DemandInterest.Outcome outcome = accrue(interest, account, today);
            assertEquals(run == 0 ? 1 : 0, outcome.posted(), "run " + run + ": " + outcome);
            assertEquals(run == 0 ? 0 : 1, outcome.skipped(), "run " + run + ": " + outcome);
        }
        LocalDate through = Sql.date("SELECT accrued_through FROM interest_accrual WHERE account_number = ?", account);
        long days = Duration.between(today.atStartOfDay(), through.plusDays(1).atStartOfDay()).toDays();
        assertTrue(days >= 1, "at least today: through " + through);
        assertEquals(new BigDecimal("36000.00").multiply(BigDecimal.valueOf(days)),
                Sql.scalar("SELECT balance_sum FROM interest_accrual WHERE account_number = ?", account).setScale(2));
        assertEquals(new BigDecimal("0.35").multiply(BigDecimal.valueOf(days)).setScale(10, RoundingMode.UNNECESSARY),
                Sql.scalar("SELECT interest FROM interest_accrual WHERE account_number = ?", account),
                "36,000 x 0.35 % / 360 = 0.35 a day");
    }

    /** Closing an account posts the interest it has earned and not been paid first, and pays it out with the rest. */
    @Test
    void closingAnAccountSettlesItsInterestFirst() throws Exception {
        String account = Counter.classOneAccount(asUser, "销户计息");
        String payee = Counter.classOneAccount(asUser, "销户收款");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, "36000.00", "CNY",
                TestData.requestId("dep")));
        LocalDate today = Sql.businessDate();
        DemandInterest interest = Lookup.ejb("teller-ejb", DemandInterest.class);
        accrue(interest, account, today);
        BigDecimal earned = new BigDecimal(asUser.teller(() -> interest.toDate(account)).interest());
        assertTrue(earned.signum() > 0, "interest earned: " + earned);

        AccountClosing closing = Lookup.ejb("teller-ejb", AccountClosing.class);
        String request = TestData.requestId("close");
        TellerException approval = assertThrows(TellerException.class, () -> asUser.teller(
                () -> closing.close(account, payee, request)));
        assertEquals(ErrorCode.APPROVAL_REQUIRED, approval.code());
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", Approvals.class)
                .approve(((Number) approval.args().get(0)).longValue(), "结清利息后销户"));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id "
                + "WHERE l.account_number = ? AND e.entry_type = ?", account, DemandInterest.SETTLEMENT),
                "a closing refused for its approval posted no interest");
        ClosingResult closed = asUser.teller(() -> closing.close(account, payee, request));
        assertEquals(new BigDecimal("36000.00").add(earned).toPlainString(), closed.paidOut());
        assertEquals(earned, Sql.scalar("SELECT l.amount FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id "
                + "WHERE l.account_number = ? AND e.entry_type = ?", account, DemandInterest.SETTLEMENT));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM interest_accrual WHERE account_number = ? AND settled_on IS NULL",
                account), "every period settled");
        assertEquals("0.00", asUser.teller(() -> interest.toDate(account)).interest());
    }

    private long startOrRestart(LocalDate today) throws Exception {
        BatchJobs jobs = Lookup.ejb("teller-batch", BatchJobs.class);
        try {
            return asUser.supervisor(() -> jobs.startEndOfDay(today.toString(), null));
        } catch (TellerException ranToday) {
            // a rerun of this test on the same database: today's run exists, and failed
            assertEquals(ErrorCode.END_OF_DAY_RESTART_INSTEAD, ranToday.code());
            long execution = asUser.supervisor(jobs::endOfDay).orElseThrow().run().executionId();
            return asUser.supervisor(() -> jobs.restartEndOfDay(execution));
        }
    }

    private EndOfDayView finished(long execution) throws Exception {
        BatchJobs jobs = Lookup.ejb("teller-batch", BatchJobs.class);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            EndOfDayView run = asUser.supervisor(() -> jobs.endOfDay(execution));
            String status = run.run().batchStatus();
            if (!status.startsWith("START") || Instant.now().isAfter(deadline)) {
                return run;
            }
            Thread.sleep(200);
        }
    }

    /** Waits until a lock of the kind {@code which} (a pg_locks condition) is waited for. */
    private static void awaitWaiting(String which, String never) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Sql.count("SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND " + which) == 0) {
            assertTrue(Instant.now().isBefore(deadline), never);
            Thread.sleep(50);
        }
    }

    private <T> T as(String user, AsUser.Work<T> work) throws Exception {
        return asUser.as(user, TestUsers.PASSWORD, work);
    }
}
