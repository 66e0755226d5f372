package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountOpening;
import bank.teller.account.application.AccountQueries;
import bank.teller.integration.DeadLetters;
import bank.teller.report.Operations;
import bank.teller.account.application.AccountRestrictions;
import bank.teller.account.application.Adjustments;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Cards;
import bank.teller.account.application.Reversals;
import bank.teller.account.application.Statements;
import bank.teller.account.application.Transfers;
import bank.teller.account.application.Vouchers;
import bank.teller.aml.LargeCash;
import bank.teller.approval.application.ApprovalPolicies;
import bank.teller.approval.application.Approvals;
import bank.teller.audit.AuditQueries;
import bank.teller.audit.AuditSeals;
import bank.teller.audit.AuditVerifier;
import bank.teller.batch.BatchJobs;
import bank.teller.customer.application.Customers;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.deposit.application.DemandInterest;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.security.RoleLimits;
import bank.teller.security.Users;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import bank.teller.till.application.Tills;
import bank.teller.till.application.VoucherStock;
import bank.teller.training.Training;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Segregation of duties, enforced by the services: every application service is called by a user of
 * every role, and is let through or refused (EJBAccessException) as the role matrix says. The calls
 * carry arguments no service accepts, so a call let through is refused by its own validation and
 * changes nothing; what counts is whether the security check let it in. Then the amount limits of
 * the roles.
 */
@ExtendWith(ArquillianExtension.class)
class RoleMatrixIT {

    private static final String T = "TELLER";
    private static final String ST = "SENIOR_TELLER";
    private static final String S = "SUPERVISOR";
    private static final String BM = "BRANCH_MANAGER";
    private static final String AU = "AUDITOR";
    private static final String AD = "ADMIN";
    private static final List<String> ROLES = List.of(T, ST, S, BM, AU, AD);
    private static final Set<String> COUNTER = Set.of(T, ST, S, BM);
    private static final Set<String> READERS = Set.of(T, ST, S, BM, AU);
    private static final Set<String> SUPERVISORS = Set.of(S, BM);
    private static final Set<String> OVERSIGHT = Set.of(S, BM, AU);

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("role-matrix-it", RoleMatrixIT.class);
    }

    @Inject
    AsUser asUser;

    private interface Call {
        void run() throws Exception;
    }

    private record Entry(String what, Set<String> allowed, Call call) {
    }

    @Test
    void everyServiceLetsInExactlyTheRolesTheMatrixNames() throws Exception {
        String rid = "matrix-" + System.nanoTime();
        List<Entry> matrix = List.of(
                new Entry("AccountQueries.account", Set.of(T, ST, S, BM, AU),
                        () -> Lookup.ejb("teller-ejb", AccountQueries.class).account("0")),
                new Entry("AccountQueries.balances", Set.of(T, ST, S, BM, AU),
                        () -> Lookup.ejb("teller-ejb", AccountQueries.class).balances(List.of("0"))),
                new Entry("Customers.search", READERS, () -> Lookup.ejb("teller-ejb", Customers.class).search("")),
                new Entry("Customers.verify", COUNTER, () -> Lookup.ejb("teller-ejb", Customers.class).verify(null, null, null)),
                new Entry("AccountOpening.open", COUNTER,
                        () -> Lookup.ejb("teller-ejb", AccountOpening.class).open(0, "NONE", null, rid)),
                new Entry("CashDeposits.deposit", COUNTER,
                        () -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit("0", "1.00", "CNY", rid)),
                new Entry("CashWithdrawals.withdraw", COUNTER,
                        () -> Lookup.ejb("teller-ejb", CashWithdrawals.class).withdraw("0", "1.00", "CNY", rid)),
                new Entry("Transfers.transfer", COUNTER,
                        () -> Lookup.ejb("teller-ejb", Transfers.class).transfer("0", "1", "1.00", "CNY", rid)),
                new Entry("Cards.issue", COUNTER, () -> Lookup.ejb("teller-ejb", Cards.class).issue("0", rid)),
                new Entry("Reversals.reverse", COUNTER, () -> Lookup.ejb("teller-ejb", Reversals.class).reverse(0, null, rid)),
                new Entry("Adjustments.adjust", COUNTER, () -> Lookup.ejb("teller-ejb", Adjustments.class)
                        .adjust(0, "0", null, null, null, rid)),
                new Entry("AccountRestrictions.placeHold", COUNTER, () -> Lookup.ejb("teller-ejb", AccountRestrictions.class)
                        .placeHold("0", "x", null, null, rid)),
                new Entry("AccountRestrictions.freeze", SUPERVISORS, () -> Lookup.ejb("teller-ejb", AccountRestrictions.class)
                        .freeze("0", "x", null, null, rid)),
                new Entry("Statements.csv", READERS,
                        () -> Lookup.ejb("teller-ejb", Statements.class).csv("0", null, null)),
                new Entry("Vouchers.voucher", READERS, () -> Lookup.ejb("teller-ejb", Vouchers.class).voucher("0")),
                new Entry("Vouchers.confirm", COUNTER, () -> Lookup.ejb("teller-ejb", Vouchers.class).confirm("0")),
                new Entry("Tills.open", COUNTER, () -> Lookup.ejb("teller-ejb", Tills.class).open("")),
                new Entry("Tills.confirmVaultTransfer", SUPERVISORS,
                        () -> Lookup.ejb("teller-ejb", Tills.class).confirmVaultTransfer(0, "")),
                new Entry("Tills.branchCash", OVERSIGHT, () -> Lookup.ejb("teller-ejb", Tills.class).branchCash()),
                new Entry("VoucherStock.receive", SUPERVISORS, () -> Lookup.ejb("teller-ejb", VoucherStock.class)
                        .receive(null, null, null)),
                new Entry("Approvals.pending", OVERSIGHT, () -> Lookup.ejb("teller-ejb", Approvals.class).pending()),
                new Entry("Approvals.approve", SUPERVISORS, () -> Lookup.ejb("teller-ejb", Approvals.class).approve(0, null)),
                new Entry("ApprovalPolicies.list", Set.of(S, BM, AU, AD),
                        () -> Lookup.ejb("teller-ejb", ApprovalPolicies.class).list()),
                new Entry("ApprovalPolicies.add", Set.of(AD),
                        () -> Lookup.ejb("teller-ejb", ApprovalPolicies.class).add(null, null, null, null, null)),
                new Entry("LargeCash.report", OVERSIGHT, () -> Lookup.ejb("teller-ejb", LargeCash.class)
                        .report(java.time.LocalDate.of(2000, 1, 1))),
                new Entry("TrialBalance.reportOf", Set.of(S, BM, AU, AD),
                        () -> Lookup.ejb("teller-ejb", TrialBalance.class).reportOf(0)),
                new Entry("BatchJobs.history", OVERSIGHT, () -> Lookup.ejb("teller-batch", BatchJobs.class).history("none")),
                new Entry("BatchJobs.endOfDay", Set.of(S, BM, AU, AD), // operations' home page
                        () -> Lookup.ejb("teller-batch", BatchJobs.class).endOfDay()),
                new Entry("Training.view", SUPERVISORS, () -> Lookup.ejb("teller-ejb", Training.class).view()),
                new Entry("Training.reset", SUPERVISORS, () -> Lookup.ejb("teller-ejb", Training.class).reset(rid)),
                new Entry("BatchJobs.startEndOfDay", SUPERVISORS,
                        () -> Lookup.ejb("teller-batch", BatchJobs.class).startEndOfDay(null, null)),
                new Entry("BusinessDays.branches", READERS, () -> Lookup.ejb("teller-ejb", BusinessDays.class).branches()),
                new Entry("BusinessDays.close", SUPERVISORS,
                        () -> Lookup.ejb("teller-ejb", BusinessDays.class).close("9999", false, null)),
                new Entry("DemandInterest.toDate", READERS, () -> Lookup.ejb("teller-ejb", DemandInterest.class).toDate("0")),
                new Entry("DemandInterest.accrualPage", SUPERVISORS,
                        () -> Lookup.ejb("teller-ejb", DemandInterest.class).accrualPage("9", "9", 1)),
                new Entry("Users.list", Set.of(AD), () -> Lookup.ejb("teller-ejb", Users.class).list()),
                new Entry("Operations.view", Set.of(S, BM, AU, AD), // the operations page
                        () -> Lookup.ejb("teller-ejb", Operations.class).view()),
                new Entry("DeadLetters.list", OVERSIGHT,
                        () -> Lookup.ejb("teller-ejb", DeadLetters.class).list("teller.channel.requests")),
                new Entry("DeadLetters.resend", SUPERVISORS,
                        () -> Lookup.ejb("teller-ejb", DeadLetters.class).resend("none", "none", null)),
                new Entry("DeadLetters.discard", SUPERVISORS,
                        () -> Lookup.ejb("teller-ejb", DeadLetters.class).discard("none", "none", null)),
                new Entry("Users.create", Set.of(AD),
                        () -> Lookup.ejb("teller-ejb", Users.class).create(null, null, null, null, null)),
                new Entry("AuditQueries.search", Set.of(AU), () -> Lookup.ejb("teller-ejb", AuditQueries.class)
                        .search(new AuditQueries.Filter("nobody", null, null, null, null), 0, 1)),
                new Entry("AuditVerifier.verify", OVERSIGHT, () -> Lookup.ejb("teller-ejb", AuditVerifier.class).verify()),
                new Entry("AuditSeals.seal", OVERSIGHT, () -> Lookup.ejb("teller-ejb", AuditSeals.class).seal()));

        Map<String, String> users = new LinkedHashMap<>();
        for (String role : ROLES) {
            users.put(role, TestUsers.create(role));
        }
        List<String> wrong = new ArrayList<>();
        for (Entry entry : matrix) {
            for (String role : ROLES) {
                boolean allowed = letIn(users.get(role), entry.call());
                if (allowed != entry.allowed().contains(role)) {
                    wrong.add(entry.what() + " as " + role + (allowed ? " was let in" : " was refused"));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Whether the service let the user in: anything but EJBAccessException (a refusal of the arguments, say). */
    private boolean letIn(String user, Call call) throws Exception {
        try {
            asUser.as(user, TestUsers.PASSWORD, () -> {
                call.run();
                return null;
            });
            return true;
        } catch (EJBAccessException denied) {
            return false;
        } catch (Exception refusedOtherwise) {
            return true;
        }
    }

    @Test
    void aTellerCannotPayOutAboveTheTellersLimitWhereASeniorTellerCanWithApproval() throws Exception {
        String account = Counter.classOneAccount(asUser, "限额客户");
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        asUser.supervisor(() -> deposits.deposit(account, "500000.00", "CNY", TestData.requestId("dep")));
        CashWithdrawals withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);

        TellerException overLimit = assertThrows(TellerException.class, () -> asUser.teller(
                () -> withdrawals.withdraw(account, "300000.00", "CNY", TestData.requestId("wd"))));
        assertEquals(ErrorCode.ROLE_LIMIT_EXCEEDED, overLimit.code());
        assertEquals(List.of("CASH_WITHDRAWAL", "200000.00"), overLimit.args());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM approval_request WHERE account_number = ?", account),
                "nothing to approve: the teller may not ask");

        String senior = TestUsers.create(ST);
        TellerException needsApproval = assertThrows(TellerException.class, () -> asUser.as(senior, TestUsers.PASSWORD,
                () -> withdrawals.withdraw(account, "300000.00", "CNY", TestData.requestId("wd"))));
        assertEquals(ErrorCode.APPROVAL_REQUIRED, needsApproval.code(), "within the senior teller's limit");

        RoleLimits limits = Lookup.ejb("teller-ejb", RoleLimits.class);
        String supervisor = TestUsers.create(S);
        assertEquals(ErrorCode.ROLE_LIMIT_EXCEEDED, assertThrows(TellerException.class,
                () -> limits.checkUser(supervisor, "CASH_WITHDRAWAL", Money.cny("6000000.00"))).code(),
                "a supervisor approves cash up to 5,000,000");
        limits.checkUser(TestUsers.create(BM), "CASH_WITHDRAWAL", Money.cny("6000000.00"));
    }

    @Test
    void aSupervisorOfAnotherBranchCannotTouchThisBranchsTillsVaultOrApprovals() throws Exception {
        String foreign = TestUsers.create(S);
        Sql.update("UPDATE app_user SET branch_code = '0000' WHERE username = ?", foreign);
        Tills tills = Lookup.ejb("teller-ejb", Tills.class);
        String teller = TestUsers.create(T);
        asUser.as(teller, TestUsers.PASSWORD, () -> tills.open(TestData.requestId("open")));
        long transfer = asUser.as(teller, TestUsers.PASSWORD, () -> tills.requestVaultTransfer("TO_TILL", "100.00",
                TestData.requestId("vault"))).id();

        assertEquals(ErrorCode.OUTSIDE_BRANCH, assertThrows(TellerException.class, () -> asUser.as(foreign,
                TestUsers.PASSWORD, () -> tills.confirmVaultTransfer(transfer, TestData.requestId("confirm")))).code());
        assertTrue(asUser.as(foreign, TestUsers.PASSWORD, tills::branchCash).tills().stream()
                .noneMatch(till -> teller.equals(till.teller())), "another branch's tills are not shown");

        String account = Counter.classOneAccount(asUser, "他行授权");
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, "80000.00", "CNY",
                TestData.requestId("dep")));
        TellerException waiting = assertThrows(TellerException.class, () -> asUser.teller(() -> Lookup.ejb("teller-ejb",
                CashWithdrawals.class).withdraw(account, "60000.00", "CNY", TestData.requestId("wd"))));
        long approval = ((Number) waiting.args().get(0)).longValue();
        assertEquals(ErrorCode.OUTSIDE_BRANCH, assertThrows(TellerException.class, () -> asUser.as(foreign,
                TestUsers.PASSWORD, () -> Lookup.ejb("teller-ejb", Approvals.class).approve(approval, null))).code());
        assertEquals("PENDING", Sql.string("SELECT status FROM approval_request WHERE id = ?", approval));
    }
}
