package bank.teller.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountTest {

    private final Account account = new Account(AccountNumber.generate("0001", "01", 1), 1L, "0001", AccountType.INDIVIDUAL_I, null, null,
            "CNY", LocalDate.of(2026, 11, 27));

    @Test
    void aNewAccountIsActiveWithZeroBalance() {
        assertEquals(AccountStatus.ACTIVE, account.status());
        assertEquals(Money.cny("0.00"), account.balance());
    }

    @Test
    void creditsAddUpToTheFen() {
        account.credit(Money.cny("100.10"));
        assertEquals(Money.cny("100.30"), account.credit(Money.cny("0.20")));
        assertEquals(Money.cny("100.30"), account.balance());
    }

    @Test
    void aZeroCreditIsRefusedAndChangesNothing() {
        TellerException e = assertThrows(TellerException.class, () -> account.credit(Money.cny("0")));
        assertEquals(ErrorCode.AMOUNT_NOT_POSITIVE, e.code());
        assertEquals(Money.cny("0.00"), account.balance());
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void aHotAccountsPendingCreditsLeaveItsRowUntilFoldedAndAReaderSeesTheWhole() {
        account.credit(Money.cny("10.00"));
        account.markHot(true);
        account.requirePendingCreditAllowed(Money.cny("5.00"));
        assertEquals(Money.cny("10.00"), account.balance(), "a pending credit leaves the row alone");
        assertThrows(TellerException.class, () -> account.requirePendingCreditAllowed(Money.cny("0")));
        account.balanceRead(new java.math.BigDecimal("15.00"));
        assertEquals(Money.cny("15.00"), account.balance(), "a reader's whole balance: the row and what is pending");
        assertEquals(Money.cny("15.00"), account.availableBalance(List.of(), TODAY));
        account.balanceRead(null);
        assertEquals(Money.cny("15.00"), account.fold(Money.cny("5.00")));
        assertEquals(Money.cny("15.00"), account.balance());
    }

    @Test
    void classTwoAndThreeAccountsCannotBeHotAndAClosedOneCannotBecomeHot() {
        for (AccountType type : List.of(AccountType.INDIVIDUAL_II, AccountType.INDIVIDUAL_III)) {
            Account limited = new Account(AccountNumber.generate("0001", "01", 2), 1L, "0001", type, null,
                    AccountNumber.generate("0001", "01", 1), "CNY", TODAY);
            TellerException e = assertThrows(TellerException.class, () -> limited.markHot(true));
            assertEquals(ErrorCode.HOT_ACCOUNT_NOT_ALLOWED, e.code());
        }
        account.close(List.of(), TODAY);
        assertEquals(ErrorCode.ACCOUNT_NOT_ACTIVE,
                assertThrows(TellerException.class, () -> account.markHot(true)).code());
        account.markHot(false); // unmarking asks nothing of the account
    }

    @Test
    void holdsAndAmountFreezesReduceWhatMayBeWithdrawn() {
        account.credit(Money.cny("1000.00"));
        List<Restriction> restrictions = List.of(
                restriction(RestrictionKind.HOLD, "300.00", null, TODAY),
                restriction(RestrictionKind.FREEZE_AMOUNT, "200.00", "(2026)京0105执123号", null));
        assertEquals(Money.cny("500.00"), account.availableBalance(restrictions, TODAY));

        TellerException e = assertThrows(TellerException.class,
                () -> account.debit(Money.cny("500.01"), restrictions, TODAY));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, e.code());
        assertEquals("500.00", e.args().get(1));
        assertEquals(Money.cny("500.00"), account.debit(Money.cny("500.00"), restrictions, TODAY));
    }

    @Test
    void anExpiredHoldNoLongerCounts() {
        account.credit(Money.cny("100.00"));
        List<Restriction> holds = List.of(restriction(RestrictionKind.HOLD, "100.00", null, TODAY.minusDays(1)));
        assertEquals(Money.cny("100.00"), account.availableBalance(holds, TODAY));
        assertEquals(Money.cny("0.00"), account.availableBalance(holds, TODAY.minusDays(1)));
    }

    @Test
    void aWholeAccountFreezeStopsEveryDebitButTakesCredits() {
        account.credit(Money.cny("100.00"));
        List<Restriction> frozen = List.of(restriction(RestrictionKind.FREEZE_ALL, null, "(2026)京0105执9号", null));
        assertEquals(Money.cny("0.00"), account.availableBalance(frozen, TODAY));
        assertEquals(ErrorCode.ACCOUNT_FROZEN,
                assertThrows(TellerException.class, () -> account.debit(Money.cny("0.01"), frozen, TODAY)).code());
        assertEquals(Money.cny("150.00"), account.credit(Money.cny("50.00")));
    }

    @Test
    void aReleasedRestrictionNoLongerCountsAndIsReleasedOnce() {
        account.credit(Money.cny("100.00"));
        Restriction hold = restriction(RestrictionKind.HOLD, "60.00", null, null);
        hold.release("super1", Instant.EPOCH);
        assertEquals(Money.cny("100.00"), account.availableBalance(List.of(hold), TODAY));
        assertEquals(ErrorCode.RESTRICTION_ALREADY_RELEASED,
                assertThrows(TellerException.class, () -> hold.release("super1", Instant.EPOCH)).code());
    }

    @Test
    void aFreezeNeedsItsLegalReferenceAndAWholeFreezeNoAmount() {
        assertEquals(ErrorCode.RESTRICTION_REFERENCE_REQUIRED, assertThrows(TellerException.class,
                () -> restriction(RestrictionKind.FREEZE_AMOUNT, "1.00", " ", null)).code());
        assertEquals(ErrorCode.RESTRICTION_INVALID, assertThrows(TellerException.class,
                () -> restriction(RestrictionKind.FREEZE_ALL, "1.00", "ref", null)).code());
        assertEquals(ErrorCode.RESTRICTION_INVALID, assertThrows(TellerException.class,
                () -> restriction(RestrictionKind.HOLD, null, null, null)).code());
    }

    @Test
    void anAccountClosesOnlyEmptyAndFreeOfRestrictionsAndThenTakesNothing() {
        account.credit(Money.cny("10.00"));
        assertEquals(ErrorCode.ACCOUNT_BALANCE_NOT_ZERO,
                assertThrows(TellerException.class, () -> account.close(List.of(), TODAY)).code());
        List<Restriction> held = List.of(restriction(RestrictionKind.HOLD, "1.00", null, null));
        assertEquals(ErrorCode.ACCOUNT_HAS_RESTRICTIONS,
                assertThrows(TellerException.class, () -> account.requireClosable(held, TODAY)).code());

        account.debit(Money.cny("10.00"), List.of(), TODAY);
        account.close(List.of(), TODAY);
        assertEquals(AccountStatus.CLOSED, account.status());
        assertEquals(ErrorCode.ACCOUNT_NOT_ACTIVE,
                assertThrows(TellerException.class, () -> account.credit(Money.cny("1.00"))).code());
    }

    private Restriction restriction(RestrictionKind kind, String amount, String reference, LocalDate expiresOn) {
        return new Restriction(account.number(), kind, amount == null ? null : Money.cny(amount), "测试原因", reference,
                expiresOn, "teller1", Instant.EPOCH);
    }
}
