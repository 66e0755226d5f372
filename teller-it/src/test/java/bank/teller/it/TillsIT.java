package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.till.application.TillView;
import bank.teller.till.application.Tills;
import bank.teller.till.application.VaultTransferView;
import bank.teller.till.application.VoucherStock;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tills: opened once a day, cash from the vault only when the vault keeper confirms, payouts
 * covered by the till, a count that agrees closes it, a difference is booked by another person.
 */
@ExtendWith(ArquillianExtension.class)
class TillsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("tills-it", TillsIT.class);
    }

    @Inject
    AsUser asUser;

    private Tills tills;
    private CashDeposits deposits;
    private CashWithdrawals withdrawals;

    @BeforeEach
    void lookUpServices() {
        tills = Lookup.ejb("teller-ejb", Tills.class);
        deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);
    }

    private <T> T as(String user, AsUser.Work<T> work) throws Exception {
        return asUser.as(user, TestUsers.PASSWORD, work);
    }

    private ErrorCode refusal(String user, AsUser.Work<?> work) {
        return assertThrows(TellerException.class, () -> as(user, work)).code();
    }

    @Test
    void aTellersDayRunsFromOpeningThroughVaultCashToAClosingCountThatAgrees() throws Exception {
        String teller = TestUsers.create("TELLER");
        String account = Counter.classOneAccount(asUser, "尾箱客户");
        asUser.supervisor(() -> deposits.deposit(account, "5000.00", "CNY", TestData.requestId("dep")));
        assertEquals(ErrorCode.TILL_NOT_OPEN, refusal(teller, () -> deposits.deposit(account, "1.00", "CNY",
                TestData.requestId("dep"))), "no cash work before the till is open");

        TillView opened = as(teller, () -> tills.open(TestData.requestId("open")));
        assertEquals("OPEN", opened.status());
        assertEquals("0.00", opened.openingCash());
        assertEquals(ErrorCode.TILL_ALREADY_OPEN, refusal(teller, () -> tills.open(TestData.requestId("open"))));

        as(teller, () -> deposits.deposit(account, "1000.00", "CNY", TestData.requestId("dep")));
        assertEquals("1000.00", as(teller, tills::current).position());
        assertEquals(ErrorCode.TILL_CASH_SHORT, refusal(teller, () -> withdrawals.withdraw(account, "1000.01", "CNY",
                TestData.requestId("wd"))), "the till pays out only the cash it holds");

        BigDecimal vaultBefore = vault();
        VaultTransferView asked = as(teller, () -> tills.requestVaultTransfer("TO_TILL", "5000.00",
                TestData.requestId("vault")));
        assertEquals("REQUESTED", asked.status());
        assertEquals("1000.00", as(teller, tills::current).position(), "nothing moves before the vault keeper confirms");
        assertThrows(EJBAccessException.class, () -> as(teller, () -> tills.confirmVaultTransfer(asked.id(),
                TestData.requestId("confirm"))));
        String key = TestData.requestId("confirm");
        assertEquals("CONFIRMED", asUser.supervisor(() -> tills.confirmVaultTransfer(asked.id(), key)).status());
        assertEquals("CONFIRMED", asUser.supervisor(() -> tills.confirmVaultTransfer(asked.id(), key)).status(),
                "a replay posts nothing more");
        assertEquals(vaultBefore.subtract(new BigDecimal("5000.00")), vault());
        assertEquals("6000.00", as(teller, tills::current).position());
        as(teller, () -> withdrawals.withdraw(account, "1000.00", "CNY", TestData.requestId("wd")));

        TillView closed = as(teller, () -> tills.count(Map.of("100", 49, "50", 2), TestData.requestId("count")));
        assertEquals("CLOSED", closed.status());
        assertEquals("5000.00", closed.countedCash());
        assertEquals("0.00", closed.difference());
        assertEquals(ErrorCode.TILL_NOT_OPEN, refusal(teller, () -> deposits.deposit(account, "1.00", "CNY",
                TestData.requestId("dep"))));
        assertEquals(ErrorCode.TILL_SESSION_EXISTS, refusal(teller, () -> tills.open(TestData.requestId("open"))));
    }

    @Test
    void aShortageIsBookedToItsGlAccountOnlyBySomeoneElseWithANote() throws Exception {
        String teller = TestUsers.create("SUPERVISOR");
        String account = Counter.classOneAccount(asUser, "短款客户");
        as(teller, () -> tills.open(TestData.requestId("open")));
        as(teller, () -> deposits.deposit(account, "100.50", "CNY", TestData.requestId("dep")));

        TillView pending = as(teller, () -> tills.count(Map.of("100", 1), TestData.requestId("count")));
        assertEquals("PENDING_VARIANCE", pending.status());
        assertEquals("-0.50", pending.difference());
        assertEquals(ErrorCode.TILL_NOT_OPEN, refusal(teller, () -> deposits.deposit(account, "1.00", "CNY",
                TestData.requestId("dep"))), "no postings while the difference waits");
        assertEquals(ErrorCode.CHECKER_IS_MAKER, refusal(teller, () -> tills.approveVariance(pending.sessionId(),
                "自己批准", TestData.requestId("approve"))));
        assertEquals(ErrorCode.TEXT_INVALID, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> tills.approveVariance(pending.sessionId(), " ", TestData.requestId("approve")))).code());

        TillView closed = asUser.supervisor(() -> tills.approveVariance(pending.sessionId(), "清点短款0.50元，柜员赔付",
                TestData.requestId("approve")));
        assertEquals("CLOSED", closed.status());
        assertEquals(AsUser.SUPERVISOR, closed.approvedBy());
        assertEquals(new BigDecimal("0.50"), Sql.scalar("SELECT l.amount FROM journal_line l JOIN journal_entry e "
                + "ON e.id = l.entry_id WHERE e.till_session_id = ? AND e.entry_type = 'CASH_SHORTAGE' "
                + "AND l.gl_code = '1221' AND l.side = 'DEBIT'", pending.sessionId()));
        assertEquals(new BigDecimal("0.50"), Sql.scalar("SELECT l.amount FROM journal_line l JOIN journal_entry e "
                + "ON e.id = l.entry_id WHERE e.till_session_id = ? AND e.entry_type = 'CASH_SHORTAGE' "
                + "AND l.gl_code = '1001' AND l.side = 'CREDIT'", pending.sessionId()));
    }

    @Test
    void anOverageSentBackIsRecountedAndAVaultKeeperNeverConfirmsTheirOwnRequest() throws Exception {
        String teller = TestUsers.create("SUPERVISOR");
        TillView opened = as(teller, () -> tills.open(TestData.requestId("open")));
        VaultTransferView asked = as(teller, () -> tills.requestVaultTransfer("TO_TILL", "200.00",
                TestData.requestId("vault")));
        assertEquals(ErrorCode.CHECKER_IS_MAKER, refusal(teller, () -> tills.confirmVaultTransfer(asked.id(),
                TestData.requestId("confirm"))));
        asUser.supervisor(() -> tills.confirmVaultTransfer(asked.id(), TestData.requestId("confirm")));
        assertEquals(ErrorCode.VAULT_TRANSFER_DECIDED, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> tills.rejectVaultTransfer(asked.id(), TestData.requestId("reject")))).code());

        as(teller, () -> tills.count(Map.of("100", 2, "1", 1), TestData.requestId("count")));
        TillView reopened = asUser.supervisor(() -> tills.recount(opened.sessionId(), "请复点", TestData.requestId("re")));
        assertEquals("OPEN", reopened.status());
        assertEquals("CLOSED", as(teller, () -> tills.count(Map.of("100", 2), TestData.requestId("count"))).status());
    }

    @Test
    void everyBlankVoucherNumberIsHeldUsedSpoiledOrBackInTheVault() throws Exception {
        VoucherStock stock = Lookup.ejb("teller-ejb", VoucherStock.class);
        String teller = TestUsers.create("TELLER");
        String till = Sql.string("SELECT till_code FROM app_user WHERE username = ?", teller);
        String from = String.format("%08d", System.nanoTime() % 90_000_000L + 10_000_000L);
        String to = String.format("%08d", Long.parseLong(from) + 9);
        String fifth = String.format("%08d", Long.parseLong(from) + 4);
        assertEquals(10, asUser.supervisor(() -> stock.receive("CERTIFICATE", from, to)).size());
        assertEquals(ErrorCode.BLANK_VOUCHER_EXISTS, assertThrows(TellerException.class,
                () -> asUser.supervisor(() -> stock.receive("CERTIFICATE", from, from))).code());
        assertThrows(EJBAccessException.class, () -> as(teller, () -> stock.issueToTill("CERTIFICATE", from, fifth, till)));
        asUser.supervisor(() -> stock.issueToTill("CERTIFICATE", from, fifth, till));

        String first = from;
        String second = String.format("%08d", Long.parseLong(from) + 1);
        assertEquals("USED", as(teller, () -> stock.use("CERTIFICATE", first, "存单 0001010000000016")).status());
        assertEquals(ErrorCode.TEXT_INVALID, refusal(teller, () -> stock.spoil("CERTIFICATE", second, " ")),
                "a spoiled number says why");
        assertEquals("SPOILED", as(teller, () -> stock.spoil("CERTIFICATE", second, "打印错位")).status());
        assertEquals(ErrorCode.BLANK_VOUCHER_STATE_INVALID, refusal(teller, () -> stock.use("CERTIFICATE", second, "再用")));
        assertEquals(ErrorCode.BLANK_VOUCHER_STATE_INVALID, refusal(teller, () -> stock.use("CERTIFICATE", to, "不在尾箱")),
                "only numbers in the teller's own till");
        as(teller, () -> stock.returnToVault("CERTIFICATE", fifth, fifth));
        assertEquals(ErrorCode.BLANK_VOUCHER_RANGE_INVALID, refusal(teller, () -> stock.returnToVault("CERTIFICATE", to, from)));

        assertEquals(1, Sql.count("SELECT COUNT(*) FROM blank_voucher WHERE serial_no BETWEEN ? AND ? AND status = 'USED'", from, to));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM blank_voucher WHERE serial_no BETWEEN ? AND ? AND status = 'SPOILED'", from, to));
        assertEquals(2, Sql.count("SELECT COUNT(*) FROM blank_voucher WHERE serial_no BETWEEN ? AND ? AND status = 'ISSUED'", from, to));
        assertEquals(6, Sql.count("SELECT COUNT(*) FROM blank_voucher WHERE serial_no BETWEEN ? AND ? AND status = 'IN_VAULT'", from, to));
        assertEquals(4, asUser.supervisor(() -> stock.ofTill(till)).size(), "held, used and spoiled numbers of the till");
    }

    /** The vault's cash at branch 0001, from the journal. */
    private static BigDecimal vault() throws Exception {
        return Sql.scalar("SELECT COALESCE(SUM(CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE -l.amount END), 0) "
                + "FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE e.branch_code = '0001' "
                + "AND l.gl_code = '1002'");
    }
}
