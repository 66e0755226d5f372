package bank.teller.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import org.junit.jupiter.api.Test;

class AccountNumberTest {

    @Test
    void generatedNumbersCarryBranchProductSerialAndLuhnDigit() {
        AccountNumber number = AccountNumber.generate("0001", "01", 42);
        assertEquals(16, number.value().length());
        assertEquals("000101000000042", number.value().substring(0, 15));
        assertEquals(number, new AccountNumber(number.value()));
    }

    @Test
    void luhnDigitMatchesTheTextbookExample() {
        assertEquals('3', AccountNumber.luhnDigit("7992739871"));
    }

    @Test
    void aSingleMistypedDigitIsCaught() {
        String good = AccountNumber.generate("0001", "01", 123456).value();
        for (int pos = 0; pos < 16; pos++) {
            char wrong = good.charAt(pos) == '9' ? '0' : (char) (good.charAt(pos) + 1);
            String typo = good.substring(0, pos) + wrong + good.substring(pos + 1);
            TellerException e = assertThrows(TellerException.class, () -> new AccountNumber(typo));
            assertEquals(ErrorCode.ACCOUNT_NUMBER_INVALID, e.code());
        }
    }

    @Test
    void swappedNeighboursAreCaught() {
        String good = AccountNumber.generate("0001", "01", 1234).value();
        String swapped = good.substring(0, 11) + good.charAt(12) + good.charAt(11) + good.substring(13);
        if (!swapped.equals(good)) {
            assertThrows(TellerException.class, () -> new AccountNumber(swapped));
        }
    }

    @Test
    void lettersSpacesInsideAndWrongLengthsAreHandled() {
        String good = AccountNumber.generate("0001", "01", 7).value();
        assertEquals(good, new AccountNumber(good.substring(0, 4) + " " + good.substring(4)).value());
        assertThrows(TellerException.class, () -> new AccountNumber(good.substring(1)));
        assertThrows(TellerException.class, () -> new AccountNumber("ABCD" + good.substring(4)));
        assertThrows(TellerException.class, () -> new AccountNumber(null));
    }

    @Test
    void maskedShowsTheFirstAndLastFour() {
        AccountNumber number = AccountNumber.generate("0001", "01", 7);
        assertEquals("0001********" + number.value().substring(12), number.masked());
    }
}
