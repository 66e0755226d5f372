package bank.teller.account.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.ledger.domain.GlCodes;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountTypeRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final ClassLimits LIMITS = ClassLimits.DEFAULT;
    private static long serial = 1;

    private static Account account(AccountType type) {
        return account(type, type.hasExpiry() ? TODAY.plusMonths(6) : null);
    }

    private static Account account(AccountType type, LocalDate expiresOn) {
        return new Account(AccountNumber.generate("0001", type.product(), serial++), 1L, "0001", type, expiresOn, null,
                Money.CNY, TODAY);
    }

    private static ErrorCode refusal(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(TellerException.class, action).code();
    }

    @Test
    void individualAndCorporateAccountsBookToTheirOwnControlAccounts() {
        assertEquals(GlCodes.INDIVIDUAL_DEMAND_DEPOSITS, account(AccountType.INDIVIDUAL_II).glCode());
        assertEquals("01", account(AccountType.INDIVIDUAL_III).number().value().substring(4, 6));
        assertEquals(GlCodes.CORPORATE_DEMAND_DEPOSITS, account(AccountType.CORPORATE_GENERAL).glCode());
        assertEquals("02", account(AccountType.CORPORATE_BASIC).number().value().substring(4, 6));
    }

    @ParameterizedTest
    @EnumSource(value = AccountType.class, names = {"CORPORATE_GENERAL", "CORPORATE_SPECIAL", "CORPORATE_TEMPORARY"})
    void onlyTheBasicAccountOfACompanyPaysOutCash(AccountType type) {
        Account account = account(type);
        assertEquals(ErrorCode.CASH_NOT_ALLOWED, refusal(() -> account.requireDebitAllowed(Movement.CASH, TODAY)));
        assertDoesNotThrow(() -> account.requireDebitAllowed(Movement.TRANSFER_OTHER, TODAY));
        assertDoesNotThrow(() -> account.requireCreditAllowed(Money.cny("100.00"), LIMITS, TODAY), "cash in is allowed");
        assertDoesNotThrow(() -> account(AccountType.CORPORATE_BASIC).requireDebitAllowed(Movement.CASH, TODAY));
    }

    @Test
    void onePerCustomerTypesAreClassOneAndBasic() {
        assertTrue(AccountType.INDIVIDUAL_I.onePerCustomer());
        assertTrue(AccountType.CORPORATE_BASIC.onePerCustomer());
        assertFalse(AccountType.INDIVIDUAL_II.onePerCustomer());
        assertFalse(AccountType.CORPORATE_GENERAL.onePerCustomer());
    }

    @Test
    void aTemporaryAccountNeedsAnExpiryWithinTwoYearsAndOthersNone() {
        assertEquals(ErrorCode.ACCOUNT_EXPIRY_INVALID, refusal(() -> account(AccountType.CORPORATE_TEMPORARY, null)));
        assertEquals(ErrorCode.ACCOUNT_EXPIRY_INVALID, refusal(() -> account(AccountType.CORPORATE_TEMPORARY, TODAY)));
        assertEquals(ErrorCode.ACCOUNT_EXPIRY_INVALID,
                refusal(() -> account(AccountType.CORPORATE_TEMPORARY, TODAY.plusYears(2).plusDays(1))));
        assertDoesNotThrow(() -> account(AccountType.CORPORATE_TEMPORARY, TODAY.plusYears(2)));
        assertEquals(ErrorCode.ACCOUNT_EXPIRY_INVALID,
                refusal(() -> account(AccountType.CORPORATE_BASIC, TODAY.plusMonths(1))));
    }

    @Test
    void anExpiredTemporaryAccountTakesNoPostingsButCanBePaidOutByTransfer() {
        Account temporary = account(AccountType.CORPORATE_TEMPORARY, TODAY.plusDays(10));
        LocalDate later = TODAY.plusDays(11);
        assertDoesNotThrow(() -> temporary.requireCreditAllowed(Money.cny("1.00"), LIMITS, TODAY.plusDays(10)));
        assertEquals(ErrorCode.ACCOUNT_EXPIRED, refusal(() -> temporary.requireCreditAllowed(Money.cny("1.00"), LIMITS, later)));
        assertEquals(ErrorCode.ACCOUNT_EXPIRED, refusal(() -> temporary.requireDebitAllowed(Movement.TRANSFER_OTHER, later)));
        assertDoesNotThrow(() -> temporary.requirePayOut(Movement.TRANSFER_OTHER));
        assertEquals(ErrorCode.CASH_NOT_ALLOWED, refusal(() -> temporary.requirePayOut(Movement.CASH)));
    }

    @Test
    void aClassThreeAccountHoldsAtMostItsCap() {
        Account account = account(AccountType.INDIVIDUAL_III);
        account.credit(Money.cny("1500.00"));
        assertDoesNotThrow(() -> account.requireCreditAllowed(Money.cny("500.00"), LIMITS, TODAY), "exactly the cap");
        TellerException e = assertThrows(TellerException.class,
                () -> account.requireCreditAllowed(Money.cny("500.01"), LIMITS, TODAY));
        assertEquals(ErrorCode.CLASS_III_BALANCE_CAP, e.code());
        assertEquals("2000.00", e.args().get(1));
        assertEquals("1500.00", e.args().get(2));
    }

    @Test
    void aClassTwoAccountStaysWithinItsDailyAndYearlyLimits() {
        Account account = account(AccountType.INDIVIDUAL_II);
        assertDoesNotThrow(() -> account.requireWithinClassLimits(Money.cny("4000.00"), Money.cny("6000.00"),
                Money.cny("6000.00"), LIMITS), "exactly 10,000 today");
        TellerException daily = assertThrows(TellerException.class, () -> account.requireWithinClassLimits(
                Money.cny("4000.01"), Money.cny("6000.00"), Money.cny("6000.00"), LIMITS));
        assertEquals(ErrorCode.CLASS_II_DAILY_LIMIT, daily.code());
        TellerException yearly = assertThrows(TellerException.class, () -> account.requireWithinClassLimits(
                Money.cny("100.00"), Money.cny("0.00"), Money.cny("199900.01"), LIMITS));
        assertEquals(ErrorCode.CLASS_II_YEARLY_LIMIT, yearly.code());
        assertDoesNotThrow(() -> account(AccountType.INDIVIDUAL_I).requireWithinClassLimits(Money.cny("50000.00"),
                Money.cny("50000.00"), Money.cny("500000.00"), LIMITS), "class I has no such limits");
    }

    @Test
    void onlyCashAndTransfersWithOtherThanTheBoundAccountCountTowardClassLimits() {
        assertTrue(Movement.CASH.countsTowardClassLimits());
        assertTrue(Movement.TRANSFER_OTHER.countsTowardClassLimits());
        assertFalse(Movement.TRANSFER_BOUND.countsTowardClassLimits());
        assertFalse(Movement.FEE.countsTowardClassLimits());
    }

    @Test
    void aClassTwoAccountIsBoundToTheClassOneAccountEitherWay() {
        Account classOne = account(AccountType.INDIVIDUAL_I);
        Account classTwo = new Account(AccountNumber.generate("0001", "01", serial++), 1L, "0001",
                AccountType.INDIVIDUAL_II, null, classOne.number(), Money.CNY, TODAY);
        assertTrue(classTwo.boundTo(classOne));
        assertTrue(classOne.boundTo(classTwo));
        assertFalse(classTwo.boundTo(account(AccountType.INDIVIDUAL_I)));
    }
}
