package bank.teller.deposit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Demand interest (活期利息): daily accrual on the balance-sum (积数), rounded once at settlement. */
class DemandInterestTest {

    private static final RateTable FLAT = new RateTable(Map.of(date("2000-01-01"), new BigDecimal("0.0035")));

    @Test
    void aQuarterOfTheSameBalanceEarnsBalanceTimesRateTimesDaysOver360() {
        InterestAccrual quarter = accrueConstant(date("2026-12-21"), date("2027-03-20"), "10000.00", FLAT, DayCount.ACT_360);
        assertEquals(new BigDecimal("900000.00"), quarter.balanceSum(), "90 days of 10,000.00");
        assertEquals(Money.cny("8.75"), quarter.settled("CNY"), "10,000 x 0.35 % x 90 / 360");
    }

    @Test
    void aLeapYearsQuarterHasTheTwentyNinthOfFebruary() {
        InterestAccrual quarter = accrueConstant(date("2027-12-21"), date("2028-03-20"), "10000.00", FLAT, DayCount.ACT_360);
        assertEquals(new BigDecimal("910000.00"), quarter.balanceSum(), "91 days");
        assertEquals(Money.cny("8.85"), quarter.settled("CNY"), "8.8472... rounds up");
    }

    @Test
    void aBalanceThatChangesEveryDayIsSummedDayByDayAndHalfAFenRoundsUp() {
        RateTable rate = new RateTable(Map.of(date("2027-01-01"), new BigDecimal("0.0036")));
        InterestAccrual accrual = InterestAccrual.from(date("2027-03-01"));
        for (int day = 1; day <= 10; day++) {
            accrual = accrual.accrue(date("2027-03-01").plusDays(day - 1L), Money.cny(day * 100 + ".00"), rate,
                    DayCount.ACT_360);
        }
        assertEquals(new BigDecimal("5500.00"), accrual.balanceSum(), "100 + 200 + ... + 1,000");
        assertEquals(0, new BigDecimal("0.055").compareTo(accrual.accrued()), accrual.accrued().toPlainString());
        assertEquals(Money.cny("0.06"), accrual.settled("CNY"), "0.055 rounds HALF_UP to 0.06");
    }

    @Test
    void aRateChangeInsideThePeriodAppliesFromItsDateAndLeavesTheDaysBeforeAsTheyWere() {
        RateTable rates = new RateTable(Map.of(date("2000-01-01"), new BigDecimal("0.0035"),
                date("2027-02-01"), new BigDecimal("0.0020")));
        assertEquals(new BigDecimal("0.0035"), rates.on(date("2027-01-31")));
        assertEquals(new BigDecimal("0.0020"), rates.on(date("2027-02-01")));
        InterestAccrual quarter = accrueConstant(date("2026-12-21"), date("2027-03-20"), "10000.00", rates,
                DayCount.ACT_360);
        // 42 days at 0.35 % and 48 days at 0.20 %: 10,000 x (0.147 + 0.096) / 360 = 6.75
        assertEquals(Money.cny("6.75"), quarter.settled("CNY"));
    }

    @Test
    void theDayCountIsTheProductsSetting() {
        InterestAccrual quarter = accrueConstant(date("2026-12-21"), date("2027-03-20"), "10000.00", FLAT,
                DayCount.ACT_365F);
        assertEquals(Money.cny("8.63"), quarter.settled("CNY"), "10,000 x 0.35 % x 90 / 365 = 8.6301...");
    }

    @Test
    void anOverdrawnOrEmptyAccountEarnsNothing() {
        InterestAccrual accrual = InterestAccrual.from(date("2027-03-01"))
                .accrue(date("2027-03-01"), Money.cny("0.00"), FLAT, DayCount.ACT_360)
                .accrue(date("2027-03-02"), Money.of(new BigDecimal("-50.00"), "CNY"), FLAT, DayCount.ACT_360);
        assertEquals(0, accrual.balanceSum().signum());
        assertEquals(Money.cny("0.00"), accrual.settled("CNY"));
        assertEquals(date("2027-03-02"), accrual.through());
    }

    @Test
    void daysAreAccruedOneAfterAnotherNoneSkippedOrTwice() {
        InterestAccrual first = InterestAccrual.from(date("2027-03-01"))
                .accrue(date("2027-03-01"), Money.cny("10.00"), FLAT, DayCount.ACT_360);
        assertThrows(IllegalArgumentException.class,
                () -> first.accrue(date("2027-03-01"), Money.cny("10.00"), FLAT, DayCount.ACT_360));
        assertThrows(IllegalArgumentException.class,
                () -> first.accrue(date("2027-03-03"), Money.cny("10.00"), FLAT, DayCount.ACT_360));
    }

    @Test
    void aDayWithoutARateAndARateOutsideReasonAreRefused() {
        RateTable late = new RateTable(Map.of(date("2027-06-01"), new BigDecimal("0.0030")));
        assertEquals(ErrorCode.RATE_NOT_SET, assertThrows(TellerException.class, () -> late.on(date("2027-05-31"))).code());
        assertEquals(ErrorCode.RATE_INVALID, assertThrows(TellerException.class,
                () -> new RateTable(Map.of(date("2027-06-01"), new BigDecimal("-0.01")))).code());
        assertEquals(ErrorCode.RATE_INVALID, assertThrows(TellerException.class,
                () -> new RateTable(Map.of(date("2027-06-01"), new BigDecimal("1.5")))).code());
    }

    @Test
    void theSettlementDayIsTheTwentiethOfEachQuartersLastMonth() {
        assertEquals(date("2027-03-20"), QuarterlySettlement.onOrAfter(date("2027-01-05")));
        assertEquals(date("2027-03-20"), QuarterlySettlement.onOrAfter(date("2027-03-20")));
        assertEquals(date("2027-06-20"), QuarterlySettlement.onOrAfter(date("2027-03-21")));
        assertEquals(date("2027-09-20"), QuarterlySettlement.onOrAfter(date("2027-08-31")));
        assertEquals(date("2028-03-20"), QuarterlySettlement.onOrAfter(date("2027-12-25")));
        // Friday 19 March 2027's end of day accrues Friday to Sunday: Saturday the 20th is settled
        assertEquals(Optional.of(date("2027-03-20")), QuarterlySettlement.among(date("2027-03-19"), date("2027-03-21")));
        assertTrue(QuarterlySettlement.among(date("2027-03-21"), date("2027-03-21")).isEmpty());
        assertTrue(QuarterlySettlement.among(date("2027-06-18"), date("2027-06-19")).isEmpty());
    }

    @Test
    void anEndOfDayBeforeAWeekendAccruesFridaysBalanceForSaturdayAndSundayToo() {
        InterestAccrual friday = InterestAccrual.from(date("2027-01-08"));
        List<InterestAccrual> after = friday.accrueThrough(date("2027-01-10"), Money.cny("3600.00"), FLAT, DayCount.ACT_360);
        assertEquals(1, after.size());
        assertEquals(date("2027-01-10"), after.get(0).through());
        assertEquals(new BigDecimal("10800.00"), after.get(0).balanceSum(), "three days of 3,600.00");
        assertEquals(new BigDecimal("0.1050000000"), after.get(0).accrued(), "3 x 3,600 x 0.35 % / 360");
        assertEquals(after, after.get(0).accrueThrough(date("2027-01-10"), Money.cny("9999.00"), FLAT, DayCount.ACT_360),
                "days accrued already are not accrued again");
    }

    @Test
    void theSettlementDayAmongTheDaysEndsThePeriodAndTheDaysAfterItBeginTheNext() {
        // Friday 19 March 2027: Friday and Saturday the 20th end the period, Sunday begins the next
        InterestAccrual period = accrueConstant(date("2026-12-21"), date("2027-03-18"), "3600.00", FLAT, DayCount.ACT_360);
        List<InterestAccrual> after = period.accrueThrough(date("2027-03-21"), Money.cny("3600.00"), FLAT, DayCount.ACT_360);
        assertEquals(2, after.size());
        assertEquals(date("2027-03-20"), after.get(0).through());
        assertEquals(date("2027-03-20"), after.get(0).periodEnd());
        assertEquals(Money.cny("3.15"), after.get(0).settled("CNY"), "90 days of 3,600.00 at 0.35 % / 360");
        assertEquals(date("2027-03-21"), after.get(1).since());
        assertEquals(date("2027-06-20"), after.get(1).periodEnd());
        assertEquals(new BigDecimal("3600.00"), after.get(1).balanceSum(), "one day of the next period");
    }

    private static InterestAccrual accrueConstant(LocalDate first, LocalDate last, String balance, RateTable rates,
                                                  DayCount dayCount) {
        InterestAccrual accrual = InterestAccrual.from(first);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            accrual = accrual.accrue(day, Money.cny(balance), rates, dayCount);
        }
        return accrual;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
