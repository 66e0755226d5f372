package bank.teller.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccountTest {

    private final Account account = new Account(AccountNumber.generate("0001", "01", 1), 1L, "0001", "01",
            "2011", "CNY", LocalDate.of(2026, 11, 27));

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
}
