package bank.teller.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @Test
    void amountsAreKeptAtTwoDecimals() {
        assertEquals("1200.00", Money.cny("1200").toPlainString());
        assertEquals("0.10", Money.cny("0.1").toPlainString());
    }

    @Test
    void additionIsExactWhereDoublesAreNot() {
        Money sum = Money.zero("CNY");
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.cny("0.10"));
        }
        assertEquals(Money.cny("1.00"), sum);
        assertEquals(Money.cny("0.01"), Money.cny("100000000000000.01").minus(Money.cny("100000000000000.00")));
    }

    @ParameterizedTest
    @CsvSource({
            "0.001, AMOUNT_SUB_FEN",
            "12.345, AMOUNT_SUB_FEN",
            "100000000000000000.00, AMOUNT_TOO_LARGE",
            "1e5, VALIDATION_FAILED",
            "abc, VALIDATION_FAILED",
            "'1,000.00', VALIDATION_FAILED",
            "NaN, VALIDATION_FAILED",
            "' ', AMOUNT_REQUIRED"
    })
    void badAmountsAreRefusedWithASpecificCode(String text, ErrorCode code) {
        TellerException e = assertThrows(TellerException.class, () -> Money.cny(text));
        assertEquals(code, e.code());
    }

    @Test
    void zeroAndNegativeAmountsAreNotPostable() {
        assertEquals(ErrorCode.AMOUNT_NOT_POSITIVE,
                assertThrows(TellerException.class, () -> Money.cny("0.00").requirePositive()).code());
        assertEquals(ErrorCode.AMOUNT_NOT_POSITIVE,
                assertThrows(TellerException.class, () -> Money.cny("-5").requirePositive()).code());
    }

    @Test
    void onlyRenminbiIsAcceptedForNow() {
        assertEquals(ErrorCode.CURRENCY_NOT_SUPPORTED,
                assertThrows(TellerException.class, () -> Money.parse("1.00", "USD")).code());
        assertEquals(ErrorCode.CURRENCY_NOT_SUPPORTED,
                assertThrows(TellerException.class, () -> Money.of(BigDecimal.ONE, null)).code());
    }

    @Test
    void trailingZerosDoNotMakeAmountsDifferent() {
        assertEquals(Money.of(new BigDecimal("5.0"), "CNY"), Money.cny("5.00"));
        assertTrue(Money.cny("5").compareTo(Money.cny("4.99")) > 0);
    }
}
