package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountClosing;
import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountRestrictions;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.ClosingResult;
import bank.teller.account.application.RestrictionView;
import bank.teller.account.application.Transfers;
import bank.teller.approval.application.Approvals;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Holds and freezes: what they stop, who may place and release them; closing an account. */
@ExtendWith(ArquillianExtension.class)
class RestrictionsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("restrictions-it", RestrictionsIT.class);
    }

    @Inject
    AsUser asUser;

    private AccountRestrictions restrictions;
    private CashWithdrawals withdrawals;
    private AccountQueries queries;

    @BeforeEach
    void lookUpServices() {
        restrictions = Lookup.ejb("teller-ejb", AccountRestrictions.class);
        withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);
        queries = Lookup.ejb("teller-ejb", AccountQueries.class);
    }

    @Test
    void aHoldLowersTheAvailableBalanceUntilItIsReleased() throws Exception {
        String account = accountWith("1000.00");
        RestrictionView hold = asUser.teller(() -> restrictions.placeHold(account, "600.00", "预授权", null,
                TestData.requestId("hold")));
        assertEquals("400.00", asUser.teller(() -> queries.account(account)).availableBalance());
        assertEquals("1000.00", asUser.teller(() -> queries.account(account)).balance());

        TellerException refused = assertThrows(TellerException.class, () -> asUser.teller(
                () -> withdrawals.withdraw(account, "400.01", "CNY", TestData.requestId("wd"))));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, refused.code());
        assertEquals("400.00", refused.args().get(1));

        TellerException tooBig = assertThrows(TellerException.class, () -> asUser.teller(
                () -> restrictions.placeHold(account, "400.01", "再次止付", null, TestData.requestId("hold"))));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, tooBig.code());

        asUser.teller(() -> restrictions.release(hold.id(), TestData.requestId("release")));
        assertEquals("1000.00", asUser.teller(() -> queries.account(account)).availableBalance());
        assertTrue(asUser.teller(() -> restrictions.inForce(account)).isEmpty());
        assertEquals("0.00", asUser.teller(() -> withdrawals.withdraw(account, "1000.00", "CNY",
                TestData.requestId("wd"))).balanceAfter());
    }

    @Test
    void aWholeAccountFreezeStopsPaymentsButTakesDeposits() throws Exception {
        String account = accountWith("500.00");
        String other = accountWith("0.00");
        RestrictionView freeze = asUser.supervisor(() -> restrictions.freeze(account, null, "司法冻结",
                "(2026)京0105执保123号", TestData.requestId("freeze")));
        assertEquals("FREEZE_ALL", freeze.kind());

        assertEquals(ErrorCode.ACCOUNT_FROZEN, assertThrows(TellerException.class, () -> asUser.teller(
                () -> withdrawals.withdraw(account, "0.01", "CNY", TestData.requestId("wd")))).code());
        assertEquals(ErrorCode.ACCOUNT_FROZEN, assertThrows(TellerException.class, () -> asUser.teller(
                () -> Lookup.ejb("teller-ejb", Transfers.class).transfer(account, other, "1.00", "CNY",
                        TestData.requestId("tr")))).code());
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, "50.00", "CNY",
                TestData.requestId("dep")));
        assertEquals(new BigDecimal("550.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account));
        assertEquals("0.00", asUser.teller(() -> queries.account(account)).availableBalance());
        assertEquals("FROZEN", asUser.teller(() -> queries.account(account)).status());

        assertEquals(ErrorCode.FORBIDDEN, assertThrows(TellerException.class,
                () -> asUser.teller(() -> restrictions.release(freeze.id(), TestData.requestId("release")))).code());
        asUser.supervisor(() -> restrictions.release(freeze.id(), TestData.requestId("release")));
        assertEquals("550.00", asUser.teller(() -> queries.account(account)).availableBalance());
        assertEquals("ACTIVE", asUser.teller(() -> queries.account(account)).status());
    }

    @Test
    void onlyASupervisorFreezesAndAFreezeNamesItsLegalReference() throws Exception {
        String account = accountWith("10.00");
        assertThrows(EJBAccessException.class, () -> asUser.teller(() -> restrictions.freeze(account, "5.00",
                "司法冻结", "(2026)京0105执1号", TestData.requestId("freeze"))));
        assertEquals(ErrorCode.RESTRICTION_REFERENCE_REQUIRED, assertThrows(TellerException.class,
                () -> asUser.supervisor(() -> restrictions.freeze(account, "5.00", "司法冻结", " ",
                        TestData.requestId("freeze")))).code());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM account_restriction WHERE account_number = ?", account));
    }

    @Test
    void anAccountWithAHoldInForceCannotBeClosed() throws Exception {
        String account = accountWith("100.00");
        RestrictionView hold = asUser.teller(() -> restrictions.placeHold(account, "1.00", "止付", null,
                TestData.requestId("hold")));
        AccountClosing closing = Lookup.ejb("teller-ejb", AccountClosing.class);
        TellerException refused = assertThrows(TellerException.class,
                () -> asUser.teller(() -> closing.close(account, null, TestData.requestId("close"))));
        assertEquals(ErrorCode.ACCOUNT_HAS_RESTRICTIONS, refused.code());
        assertEquals("ACTIVE", asUser.teller(() -> queries.account(account)).status());

        asUser.teller(() -> restrictions.release(hold.id(), TestData.requestId("release")));
        String key = TestData.requestId("close");
        TellerException waiting = assertThrows(TellerException.class,
                () -> asUser.teller(() -> closing.close(account, null, key)));
        assertEquals(ErrorCode.APPROVAL_REQUIRED, waiting.code(), "a teller's closing needs a supervisor");
        long approval = ((Number) waiting.args().get(0)).longValue();
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", Approvals.class).approve(approval, "核对无误"));
        ClosingResult closed = asUser.teller(() -> closing.close(account, null, key));
        assertEquals("100.00", closed.paidOut());
    }

    @Test
    void closingPaysTheBalanceToAnotherAccountAndTheClosedAccountTakesNoMorePostings() throws Exception {
        String account = accountWith("250.50");
        String payee = accountWith("0.00");
        AccountClosing closing = Lookup.ejb("teller-ejb", AccountClosing.class);
        String key = TestData.requestId("close");
        ClosingResult closed = asUser.supervisor(() -> closing.close(account, payee, key));
        assertEquals("250.50", closed.paidOut());
        assertEquals(closed, asUser.supervisor(() -> closing.close(account, payee, key)));
        assertEquals("CLOSED", asUser.teller(() -> queries.account(account)).status());
        assertEquals("0.00", asUser.teller(() -> queries.account(account)).balance());
        assertEquals("250.50", asUser.teller(() -> queries.account(payee)).balance());

        assertEquals(ErrorCode.ACCOUNT_NOT_ACTIVE, assertThrows(TellerException.class, () -> asUser.teller(
                () -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, "1.00", "CNY",
                        TestData.requestId("dep")))).code());
        assertEquals(ErrorCode.ACCOUNT_NOT_ACTIVE, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> closing.close(account, null, TestData.requestId("close")))).code());
    }

    @Test
    void placingTheSameHoldTwiceWithOneRequestIdPlacesOneHold() throws Exception {
        String account = accountWith("100.00");
        String key = TestData.requestId("hold-once");
        long first = asUser.teller(() -> restrictions.placeHold(account, "30.00", "止付", null, key)).id();
        long again = asUser.teller(() -> restrictions.placeHold(account, "30.00", "止付", null, key)).id();
        assertEquals(first, again);
        assertEquals("70.00", asUser.teller(() -> queries.account(account)).availableBalance());
    }

    private String accountWith(String amount) throws Exception {
        String account = Counter.classOneAccount(asUser, "冻结客户");
        if (new BigDecimal(amount).signum() > 0) {
            asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, amount, "CNY",
                    TestData.requestId("dep")));
        }
        return account;
    }
}
