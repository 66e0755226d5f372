package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountClosing;
import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Transfers;
import bank.teller.aml.LargeCash;
import bank.teller.aml.LargeCashRow;
import bank.teller.approval.application.ApprovalPolicies;
import bank.teller.approval.application.ApprovalPolicyView;
import bank.teller.approval.application.ApprovalView;
import bank.teller.approval.application.Approvals;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Maker-checker: large cash and closings wait for a supervisor, run once after approval, checked again. */
@ExtendWith(ArquillianExtension.class)
class ApprovalsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("approvals-it", ApprovalsIT.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private Approvals approvals;
    private CashWithdrawals withdrawals;
    private AccountQueries queries;

    @BeforeEach
    void lookUpServices() {
        approvals = Lookup.ejb("teller-ejb", Approvals.class);
        withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);
        queries = Lookup.ejb("teller-ejb", AccountQueries.class);
    }

    /** An account with {@code amount}, deposited by the supervisor (large deposits need no approval then). */
    private String accountWith(String amount) throws Exception {
        String account = Counter.classOneAccount(asUser, "授权客户");
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, amount, "CNY",
                TestData.requestId("dep")));
        return account;
    }

    private long waitingApproval(AsUser.Work<?> work) {
        TellerException waiting = assertThrows(TellerException.class, () -> asUser.teller(work));
        assertEquals(ErrorCode.APPROVAL_REQUIRED, waiting.code());
        return ((Number) waiting.args().get(0)).longValue();
    }

    @Test
    void aLargeWithdrawalWaitsForASupervisorAndRunsOnceAfterApprovalEvenIfApprovedTwiceAtOnce() throws Exception {
        String account = accountWith("100000.00");
        String key = TestData.requestId("wd");
        long approval = waitingApproval(() -> withdrawals.withdraw(account, "60000.00", "CNY", key));
        assertEquals("100000.00", asUser.teller(() -> queries.account(account)).balance(), "nothing moved while waiting");
        assertEquals(approval, waitingApproval(() -> withdrawals.withdraw(account, "60000.00", "CNY", key)),
                "asking again waits for the same request");
        assertEquals(1, asUser.teller(() -> approvals.pendingFor(account)).size());
        assertThrows(EJBAccessException.class, () -> asUser.teller(() -> approvals.approve(approval, "自己批")));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger approved = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    try {
                        asUser.supervisor(() -> approvals.approve(approval, "同意"));
                        approved.incrementAndGet();
                    } catch (TellerException e) {
                        assertEquals(ErrorCode.APPROVAL_DECIDED, e.code());
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, approved.get());
        assertEquals(1, refused.get());

        Receipt first = asUser.teller(() -> withdrawals.withdraw(account, "60000.00", "CNY", key));
        Receipt again = asUser.teller(() -> withdrawals.withdraw(account, "60000.00", "CNY", key));
        assertEquals(first.entryId(), again.entryId(), "the approved operation ran once");
        assertEquals("40000.00", asUser.teller(() -> queries.account(account)).balance());
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, assertThrows(TellerException.class, () -> asUser.teller(
                () -> withdrawals.withdraw(account, "1.00", "CNY", key))).code());
    }

    @Test
    void anApprovedWithdrawalIsCheckedAgainWhenItRunsAndARejectedOneNeverRuns() throws Exception {
        String account = accountWith("100000.00");
        String key = TestData.requestId("wd");
        long approval = waitingApproval(() -> withdrawals.withdraw(account, "60000.00", "CNY", key));
        asUser.supervisor(() -> withdrawals.withdraw(account, "50000.00", "CNY", TestData.requestId("wd")));
        asUser.supervisor(() -> approvals.approve(approval, "同意"));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, assertThrows(TellerException.class, () -> asUser.teller(
                () -> withdrawals.withdraw(account, "60000.00", "CNY", key))).code(),
                "the balance changed while the request waited");
        assertEquals("50000.00", asUser.teller(() -> queries.account(account)).balance());

        String other = TestData.requestId("wd");
        long rejected = waitingApproval(() -> withdrawals.withdraw(account, "50000.00", "CNY", other));
        ApprovalView decision = asUser.supervisor(() -> approvals.reject(rejected, "客户身份存疑"));
        assertEquals("REJECTED", decision.status());
        assertEquals(AsUser.SUPERVISOR, decision.checker());
        assertEquals(ErrorCode.APPROVAL_REJECTED, assertThrows(TellerException.class, () -> asUser.teller(
                () -> withdrawals.withdraw(account, "50000.00", "CNY", other))).code());
        assertEquals(ErrorCode.APPROVAL_DECIDED, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> approvals.approve(rejected, "改为同意"))).code(), "decided once");
    }

    @Test
    void anAdministratorChangesThePolicyButMovesNoMoney() throws Exception {
        ApprovalPolicies policies = Lookup.ejb("teller-ejb", ApprovalPolicies.class);
        String payer = accountWith("1000.00");
        String payee = Counter.classOneAccount(asUser, "规则收款");
        Transfers transfers = Lookup.ejb("teller-ejb", Transfers.class);
        assertThrows(EJBAccessException.class, () -> asUser.teller(() -> policies.add("TRANSFER", "TELLER", "100.00",
                "测试", "test")));
        assertThrows(EJBAccessException.class, () -> asUser.as("admin1", "Admin1!Demo",
                () -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(payer, "1.00", "CNY", TestData.requestId("d"))),
                "an administrator never moves money");
        ApprovalPolicyView line = asUser.as("admin1", "Admin1!Demo", () -> policies.add("TRANSFER", "TELLER", "100.00",
                "测试：转账100元以上", "Test: transfers of 100 and above"));
        try {
            assertEquals(ErrorCode.APPROVAL_REQUIRED, assertThrows(TellerException.class, () -> asUser.teller(
                    () -> transfers.transfer(payer, payee, "200.00", "CNY", TestData.requestId("tr")))).code());
        } finally {
            asUser.as("admin1", "Admin1!Demo", () -> policies.retire(line.id()));
        }
        assertEquals("800.00", asUser.teller(() -> transfers.transfer(payer, payee, "200.00", "CNY",
                TestData.requestId("tr"))).balanceAfter(), "a retired line asks for nothing");
        assertTrue(asUser.supervisor(policies::list).stream().anyMatch(p -> p.id() == line.id() && p.retired()));
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(TellerException.class, () -> asUser.as("admin1",
                "Admin1!Demo", () -> policies.add("LOAN", "TELLER", null, "贷款", "loan"))).code());
        // every operation that asks for approval can have its lines, wires and deposits too (not only the counter's cash)
        for (String operation : List.of("WIRE_TRANSFER", "DEPOSIT_OPENING", "CERTIFICATE_REISSUE")) {
            ApprovalPolicyView added = asUser.as("admin1", "Admin1!Demo", () -> policies.add(operation, "ANY",
                    "90000000.00", "测试：" + operation, "Test: " + operation));
            asUser.as("admin1", "Admin1!Demo", () -> policies.retire(added.id()));
        }
    }

    @Test
    void aCustomerNamedLikeAFormulaIsTextInTheLargeCashExport() throws Exception {
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        String formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        String account = Counter.classOneAccount(asUser, formula);
        asUser.teller(() -> deposits.deposit(account, "30000.00", "CNY", TestData.requestId("dep")));
        asUser.teller(() -> deposits.deposit(account, "20000.00", "CNY", TestData.requestId("dep")));
        String csv = asUser.supervisor(() -> Lookup.ejb("teller-ejb", LargeCash.class).csv(null));
        String row = csv.lines().filter(line -> line.contains(account)).findFirst().orElseThrow();
        assertTrue(row.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","), row);
        assertTrue(csv.lines().noneMatch(line -> line.contains(",=HYPERLINK") || line.contains(",\"=HYPERLINK")), csv);
    }

    @Test
    void cashOfFiftyThousandInADaySinglyOrTogetherIsOnTheLargeCashReport() throws Exception {
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        String together = Counter.classOneAccount(asUser, "累计大额");
        String small = Counter.classOneAccount(asUser, "小额客户");
        asUser.teller(() -> deposits.deposit(together, "30000.00", "CNY", TestData.requestId("dep")));
        asUser.teller(() -> deposits.deposit(together, "20000.00", "CNY", TestData.requestId("dep")));
        asUser.teller(() -> deposits.deposit(small, "49999.99", "CNY", TestData.requestId("dep")));
        LargeCash report = Lookup.ejb("teller-ejb", LargeCash.class);
        List<LargeCashRow> rows = asUser.supervisor(() -> report.report(null));
        List<LargeCashRow> mine = rows.stream().filter(r -> r.accountNumber().equals(together)).toList();
        assertEquals(2, mine.size(), "both deposits, which reach 50,000 together");
        assertEquals("50000.00", mine.get(0).customerCashIn());
        assertEquals("IN", mine.get(0).direction());
        assertTrue(rows.stream().noneMatch(r -> r.accountNumber().equals(small)), "49,999.99 stays below");
        String idNumber = Sql.string("SELECT c.id_number FROM customer c JOIN account a ON a.customer_id = c.id "
                + "WHERE a.account_number = ?", together);
        assertEquals(idNumber.charAt(0) + "*".repeat(16) + idNumber.charAt(17), mine.get(0).idNumber(),
                "on the screen and in the API the ID number is masked");
        String filing = asUser.supervisor(() -> report.csv(null));
        assertTrue(filing.contains("," + together + ",") && filing.contains("," + idNumber + ","),
                "the filing for the regulator has it in full");
        assertTrue(Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'EXPORT' AND actor = ? "
                + "AND detail LIKE '%with ID numbers in full'", AsUser.SUPERVISOR) > 0, "and says so in the trail");
        assertThrows(EJBAccessException.class, () -> asUser.teller(() -> report.report(null)));
    }

    @Test
    void onTheSpotTheSupervisorsOwnCredentialsApproveAndTheMakerCanNeverBeTheChecker() throws Exception {
        String account = accountWith("70000.00");
        String key = TestData.requestId("wd");
        long approval = waitingApproval(() -> withdrawals.withdraw(account, "50000.00", "CNY", key));
        assertEquals(ErrorCode.APPROVER_INVALID, assertThrows(TellerException.class, () -> asUser.teller(
                () -> approvals.approveOnTheSpot(approval, AsUser.SUPERVISOR, "wrong",
                        Tokens.nextCode(AsUser.SUPERVISOR), null))).code());
        assertEquals(ErrorCode.APPROVER_INVALID, assertThrows(TellerException.class, () -> asUser.teller(
                () -> approvals.approveOnTheSpot(approval, AsUser.TELLER, AsUser.TELLER_PASSWORD,
                        Tokens.nextCode(AsUser.TELLER), null))).code(),
                "a teller is no approver");
        ApprovalView onTheSpot = asUser.teller(() -> approvals.approveOnTheSpot(approval, AsUser.SUPERVISOR,
                AsUser.SUPERVISOR_PASSWORD, Tokens.nextCode(AsUser.SUPERVISOR), "现场授权"));
        assertEquals("APPROVED", onTheSpot.status());
        assertEquals(AsUser.SUPERVISOR, onTheSpot.checker());
        assertEquals("20000.00", asUser.teller(() -> withdrawals.withdraw(account, "50000.00", "CNY", key)).balanceAfter());

        String both = TestUsers.create("TELLER", "SUPERVISOR");
        String closable = Counter.classOneAccount(asUser, "销户客户");
        String payee = Counter.classOneAccount(asUser, "收款客户");
        AccountClosing closing = Lookup.ejb("teller-ejb", AccountClosing.class);
        TellerException waiting = assertThrows(TellerException.class, () -> asUser.as(both, TestUsers.PASSWORD,
                () -> closing.close(closable, payee, TestData.requestId("close"))));
        assertEquals(ErrorCode.APPROVAL_REQUIRED, waiting.code());
        long own = ((Number) waiting.args().get(0)).longValue();
        assertEquals(ErrorCode.CHECKER_IS_MAKER, assertThrows(TellerException.class, () -> asUser.as(both,
                TestUsers.PASSWORD, () -> approvals.approve(own, "自己批准"))).code());
        assertTrue(asUser.supervisor(approvals::pending).stream().anyMatch(a -> a.id() == own));
    }
}
