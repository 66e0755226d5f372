package bank.teller.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AverageDailyBalanceTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 30);

    @Test
    void anAccountThatDidNotMoveAveragesItsBalance() {
        assertEquals(new BigDecimal("250.00"), AverageDailyBalance.over(FIRST, LAST, new BigDecimal("250.00"), Map.of()));
    }

    @Test
    void aDepositOnTheLastDayCountsForOneDayOfThirty() {
        // 100 all month, 3,100 from the 30th: (29 × 100 + 3,100) / 30 = 200
        assertEquals(new BigDecimal("200.00"), AverageDailyBalance.over(FIRST, LAST, new BigDecimal("3100.00"),
                Map.of(LAST, new BigDecimal("3000.00"))));
    }

    @Test
    void aWithdrawalCountsFromItsDayAndMovementsAfterThePeriodAreWorkedBack() {
        // 900 to the 10th, 0 from the 11th (a 900 withdrawal), then 50 in on 1 December (after the period):
        // (10 × 900 + 20 × 0) / 30 = 300
        assertEquals(new BigDecimal("300.00"), AverageDailyBalance.over(FIRST, LAST, new BigDecimal("50.00"),
                Map.of(LocalDate.of(2026, 11, 11), new BigDecimal("-900.00"),
                        LocalDate.of(2026, 12, 1), new BigDecimal("50.00"))));
    }

    @Test
    void roundsToTheFenHalfUp() {
        // 0.01 on one day of thirty: 0.000333… → 0.00; 0.15 on the last day alone: 0.005 → 0.01
        assertEquals(new BigDecimal("0.00"), AverageDailyBalance.over(FIRST, LAST, new BigDecimal("0.01"),
                Map.of(LAST, new BigDecimal("0.01"))));
        assertEquals(new BigDecimal("0.01"), AverageDailyBalance.over(FIRST, LAST, new BigDecimal("0.15"),
                Map.of(LAST, new BigDecimal("0.15"))));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AverageDailyBalance.over(LAST, FIRST, BigDecimal.ONE, Map.of()));
    }
}
