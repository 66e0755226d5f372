package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.Adjustments;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Reversals;
import bank.teller.account.application.Transfers;
import bank.teller.account.application.Vouchers;
import bank.teller.approval.application.Approvals;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reversal (冲正): same day, approved, by another teller for cash, a mirror entry, once. */
@ExtendWith(ArquillianExtension.class)
class ReversalsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("reversals-it", ReversalsIT.class);
    }

    @Inject
    AsUser asUser;

    private Reversals reversals;
    private Approvals approvals;
    private CashDeposits deposits;
    private AccountQueries queries;

    @BeforeEach
    void lookUpServices() {
        reversals = Lookup.ejb("teller-ejb", Reversals.class);
        approvals = Lookup.ejb("teller-ejb", Approvals.class);
        deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        queries = Lookup.ejb("teller-ejb", AccountQueries.class);
    }

    /** super1 reverses {@code entry}; a second supervisor approves; super1 submits again. */
    private Receipt reverseApproved(long entry) throws Exception {
        String key = TestData.requestId("reverse");
        TellerException waiting = assertThrows(TellerException.class,
                () -> asUser.supervisor(() -> reversals.reverse(entry, "金额录错", key)));
        assertEquals(ErrorCode.APPROVAL_REQUIRED, waiting.code(), "every reversal needs approval");
        long approval = ((Number) waiting.args().get(0)).longValue();
        String checker = TestUsers.create("SUPERVISOR");
        asUser.as(checker, TestUsers.PASSWORD, () -> approvals.approve(approval, "同意冲正"));
        return asUser.supervisor(() -> reversals.reverse(entry, "金额录错", key));
    }

    @Test
    void aCashDepositIsReversedByAnotherTellerWithApprovalOnceAndTheVoucherSaysSo() throws Exception {
        String account = Counter.classOneAccount(asUser, "冲正客户");
        Receipt deposit = asUser.teller(() -> deposits.deposit(account, "300.00", "CNY", TestData.requestId("dep")));
        assertEquals(ErrorCode.REVERSAL_SAME_TELLER, assertThrows(TellerException.class, () -> asUser.teller(
                () -> reversals.reverse(deposit.entryId(), "录错", TestData.requestId("reverse")))).code());
        assertEquals(ErrorCode.TEXT_INVALID, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> reversals.reverse(deposit.entryId(), " ", TestData.requestId("reverse")))).code(),
                "a reversal says why");

        Receipt reversal = reverseApproved(deposit.entryId());
        assertEquals("REVERSAL", reversal.type());
        assertEquals("0.00", reversal.balanceAfter());
        assertEquals("0.00", asUser.teller(() -> queries.account(account)).balance());
        assertEquals(deposit.entryId(), Sql.scalar("SELECT reverses_entry FROM journal_entry WHERE id = ?",
                reversal.entryId()).longValue());
        assertEquals(new BigDecimal("300.00"), Sql.scalar("SELECT amount FROM journal_line WHERE entry_id = ? "
                + "AND gl_code = '1001' AND side = 'CREDIT'", reversal.entryId()), "the cash went back out of the till");
        assertEquals(reversal.entryId(), asUser.teller(() -> Lookup.ejb("teller-ejb", Vouchers.class)
                .voucher(deposit.voucherNo())).reversedByEntry());

        assertEquals(ErrorCode.REVERSAL_ALREADY, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> reversals.reverse(deposit.entryId(), "再次", TestData.requestId("reverse")))).code());
        assertEquals(ErrorCode.REVERSAL_OF_REVERSAL, assertThrows(TellerException.class, () -> asUser.teller(
                () -> reversals.reverse(reversal.entryId(), "冲正的冲正", TestData.requestId("reverse")))).code());
    }

    @Test
    void aTransferWhosePayeeSpentTheMoneyIsNotReversedAndAnEarlierDayNeedsAnAdjustment() throws Exception {
        String payer = Counter.classOneAccount(asUser, "付款人");
        String payee = Counter.classOneAccount(asUser, "收款人");
        asUser.teller(() -> deposits.deposit(payer, "500.00", "CNY", TestData.requestId("dep")));
        Receipt transfer = asUser.teller(() -> Lookup.ejb("teller-ejb", Transfers.class)
                .transfer(payer, payee, "200.00", "CNY", TestData.requestId("tr")));
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", CashWithdrawals.class)
                .withdraw(payee, "150.00", "CNY", TestData.requestId("wd")));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, assertThrows(TellerException.class, () -> asUser.teller(
                () -> reversals.reverse(transfer.entryId(), "转错账户", TestData.requestId("reverse")))).code());
        assertEquals("300.00", asUser.teller(() -> queries.account(payer)).balance(), "nothing changed");

        Receipt small = asUser.teller(() -> deposits.deposit(payer, "1.00", "CNY", TestData.requestId("dep")));
        Sql.update("UPDATE journal_entry SET business_date = business_date - 1 WHERE id = ?", small.entryId());
        assertEquals(ErrorCode.REVERSAL_NOT_SAME_DAY, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> reversals.reverse(small.entryId(), "隔日", TestData.requestId("reverse")))).code());
        Adjustments adjustments = Lookup.ejb("teller-ejb", Adjustments.class);
        String key = TestData.requestId("adjust");
        TellerException waiting = assertThrows(TellerException.class, () -> asUser.teller(
                () -> adjustments.adjust(small.entryId(), payer, "DEBIT", "1.00", "昨日多存", key)));
        assertEquals(ErrorCode.APPROVAL_REQUIRED, waiting.code(), "an adjustment always needs approval");
        asUser.supervisor(() -> approvals.approve(((Number) waiting.args().get(0)).longValue(), "同意调整"));
        Receipt adjusted = asUser.teller(() -> adjustments.adjust(small.entryId(), payer, "DEBIT", "1.00", "昨日多存", key));
        assertEquals("300.00", adjusted.balanceAfter());
        assertEquals(new BigDecimal("1.00"), Sql.scalar("SELECT amount FROM journal_line WHERE entry_id = ? "
                + "AND gl_code = '2251' AND side = 'CREDIT'", adjusted.entryId()), "against the suspense account");
        assertEquals(small.entryId(), Sql.scalar("SELECT adjusts_entry FROM journal_entry WHERE id = ?",
                adjusted.entryId()).longValue());
        assertEquals(ErrorCode.ADJUSTMENT_SAME_DAY, assertThrows(TellerException.class, () -> asUser.teller(
                () -> adjustments.adjust(transfer.entryId(), payer, "CREDIT", "1.00", "当日", TestData.requestId("a"))))
                .code(), "today's postings are reversed, not adjusted");
        long vaultEntry = Sql.scalar("SELECT MIN(id) FROM journal_entry WHERE entry_type = 'VAULT_TO_TILL'").longValue();
        assertEquals(ErrorCode.REVERSAL_NOT_ALLOWED, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> reversals.reverse(vaultEntry, "库房", TestData.requestId("reverse")))).code());
        assertEquals(ErrorCode.ENTRY_NOT_FOUND, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> reversals.reverse(Long.MAX_VALUE, "没有", TestData.requestId("reverse")))).code());
    }
}
