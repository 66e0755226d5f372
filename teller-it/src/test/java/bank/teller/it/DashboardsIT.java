package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.batch.EndOfDayWork;
import bank.teller.report.Dashboards;
import bank.teller.report.Dashboards.BranchDashboard;
import bank.teller.report.Dashboards.TellerDashboard;
import bank.teller.report.Dashboards.TillCash;
import bank.teller.report.Dashboards.TypeFigure;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.till.application.Tills;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The role dashboards (issue 19) count what was posted: the teller's day by type, their till and their
 * requests waiting; the branch's day with large cash, tills against their limit and approvals waiting;
 * the auditor's sign-in failures; operations' queues; the figures end of day keeps.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("dashboards-it", DashboardsIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private Dashboards dashboards;
    private Tills tills;
    private CashDeposits deposits;
    private CashWithdrawals withdrawals;

    @BeforeEach
    void lookUp() throws Exception {
        dashboards = Lookup.ejb("teller-ejb", Dashboards.class);
        tills = Lookup.ejb("teller-ejb", Tills.class);
        deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);
    }

    private <T> T as(String user, AsUser.Work<T> work) throws Exception {
        return asUser.as(user, TestUsers.PASSWORD, work);
    }

    private static Map<String, String> byType(List<TypeFigure> types) {
        return types.stream().collect(Collectors.toMap(TypeFigure::type, t -> t.entries() + " " + t.amount(), (a, b) -> a,
                TreeMap::new));
    }

    @Test
    void theTellerAndTheBranchSeeWhatWasPostedTodayWithTillsAgainstTheirLimit() throws Exception {
        String branch = TestUsers.branch();
        String teller = TestUsers.createIn(branch, "TELLER");
        String supervisor = TestUsers.createIn(branch, "SUPERVISOR");
        String account = Counter.classOneAccount(asUser, "概览客户");
        as(teller, () -> tills.open(TestData.requestId("open")));
        as(supervisor, () -> tills.open(TestData.requestId("open")));
        TellerDashboard empty = as(teller, dashboards::teller);
        assertEquals(0, empty.entries());
        assertEquals("0.00", empty.till().position());

        as(teller, () -> deposits.deposit(account, "100.00", "CNY", TestData.requestId("dep")));
        as(teller, () -> deposits.deposit(account, "200.00", "CNY", TestData.requestId("dep")));
        as(teller, () -> withdrawals.withdraw(account, "50.00", "CNY", TestData.requestId("wd")));
        TellerException waiting = assertThrows(TellerException.class, () -> as(teller, () -> deposits.deposit(account,
                "60000.00", "CNY", TestData.requestId("dep"))));
        assertEquals(ErrorCode.APPROVAL_REQUIRED, waiting.code(), "a teller's large deposit waits for a supervisor");
        as(supervisor, () -> deposits.deposit(account, "60000.00", "CNY", TestData.requestId("dep")));

        Await.until(() -> as(teller, dashboards::teller).entries() == 3);
        TellerDashboard mine = as(teller, dashboards::teller);
        assertEquals(Map.of("CASH_DEPOSIT", "2 300.00", "CASH_WITHDRAWAL", "1 50.00"), byType(mine.today()));
        assertEquals(3, mine.entries());
        assertEquals("350.00", mine.amount());
        assertEquals("250.00", mine.till().position());
        assertEquals(1, mine.waiting().size(), "the request waiting for approval");
        assertEquals("60000.00", mine.waiting().get(0).amount());

        Sql.update("UPDATE branch SET till_cash_limit = 1000.00 WHERE code = ?", branch);
        Await.until(() -> as(supervisor, dashboards::branch).entries() == 4);
        BranchDashboard day = as(supervisor, dashboards::branch);
        assertEquals(branch, day.branchCode());
        assertEquals(Map.of("CASH_DEPOSIT", "3 60300.00", "CASH_WITHDRAWAL", "1 50.00"), byType(day.today()));
        assertEquals("60350.00", day.amount());
        assertEquals(4, day.hours().stream().mapToLong(Dashboards.HourFigure::entries).sum());
        assertEquals(1, day.largeCash(), "one single cash movement of 50,000 or more");
        assertEquals(0, day.reversals());
        assertEquals(2, day.tellersAtWork());
        assertEquals(1, day.approvalsWaiting());
        assertEquals("1000.00", day.tillLimit());
        Map<String, TillCash> cash = day.tills().stream().collect(Collectors.toMap(TillCash::teller, c -> c));
        assertEquals("250.00", cash.get(teller).cash());
        assertFalse(cash.get(teller).overLimit());
        assertEquals("60000.00", cash.get(supervisor).cash());
        assertTrue(cash.get(supervisor).overLimit(), "60,000.00 in a till whose limit is 1,000.00");
        assertEquals("0.00", day.vaultCash(), "a new branch's vault holds nothing");
        assertEquals("20000000.00", day.vaultLimit());
        assertNull(day.depositsOn(), "no day of the branch closed yet");

        assertThrows(EJBAccessException.class, () -> as(teller, dashboards::branch), "a teller sees their own day only");
    }

    @Test
    void endOfDayKeepsEachBranchsDepositsByLedgerAsTheAccountsHoldThem() throws Exception {
        LocalDate today = Sql.businessDate();
        Lookup.ejb("teller-batch", EndOfDayWork.class).keepDayFigures(today);
        Map<String, String> expected = new TreeMap<>();
        try (var c = Sql.connection(); var s = c.prepareStatement("SELECT gl_code, COUNT(*), SUM(balance) FROM account "
                + "WHERE branch_code = '0001' AND status <> 'CLOSED' GROUP BY gl_code"); var r = s.executeQuery()) {
            while (r.next()) {
                expected.put(r.getString(1), r.getLong(2) + " " + r.getBigDecimal(3).setScale(2));
            }
        }
        BranchDashboard branch = asUser.supervisor(dashboards::branch);
        assertEquals(today, branch.depositsOn());
        assertEquals(expected, branch.deposits().stream().collect(Collectors.toMap(Dashboards.ItemFigure::item,
                d -> d.items() + " " + d.amount(), (a, b) -> a, TreeMap::new)));
        assertEquals(Sql.count("SELECT COUNT(*) FROM account WHERE branch_code = '0001' AND opened_on = ?", today),
                Sql.count("SELECT COALESCE(SUM(items), 0) FROM branch_day_figure WHERE branch_code = '0001' "
                        + "AND business_date = ? AND figure = 'OPENED'", today));
    }

    @Test
    void theAuditorSeesTodaysSignInFailuresAndOperationsTheQueues() throws Exception {
        String auditor = TestUsers.create("AUDITOR");
        String admin = TestUsers.create("ADMIN");
        long before = as(auditor, dashboards::audit).signInFailures();
        String victim = TestUsers.create("TELLER");
        assertEquals(401, Https.signIn(victim, "Wrong1!password", "123456").statusCode());
        Await.until(() -> as(auditor, dashboards::audit).signInFailures() > before);
        Dashboards.AuditDashboard audit = as(auditor, dashboards::audit);
        assertEquals(before + 1, audit.signInFailures());
        assertEquals(audit.signInFailures(), audit.signInFailuresByDay().get(audit.signInFailuresByDay().size() - 1)
                .records());

        Dashboards.OperationsDashboard ops = as(admin, dashboards::operations);
        assertEquals(5, ops.queues().size());
        assertEquals(Sql.count("SELECT COUNT(*) FROM branch"), ops.branches());
        assertEquals(Sql.count("SELECT COUNT(*) FROM core_break WHERE status = 'OPEN'"), ops.openBreaks());
        assertThrows(EJBAccessException.class, () -> as(admin, dashboards::audit));
    }
}
