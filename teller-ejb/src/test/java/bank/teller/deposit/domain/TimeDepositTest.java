package bank.teller.deposit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.calendar.domain.WorkingDays;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Time deposit interest (整存整取): the term at its fixed rate by 30/360, early and overdue days at the demand rate. */
class TimeDepositTest {

    private static final RateTable DEMAND = rates("2000-01-01", "0.0035");
    private static final RateTable ONE_YEAR = rates("2000-01-01", "0.0150");
    private static final RateTable THREE_MONTHS = new RateTable(Map.of(
            date("2000-01-01"), new BigDecimal("0.0110"), date("2026-03-01"), new BigDecimal("0.0100")));
    private static final WorkingDays WEEKDAYS = new WorkingDays(List.of());

    @Test
    void heldToMaturityTheWholeTermEarnsTheRateFixedAtOpening() {
        TimeDeposit deposit = oneYear("10000.00", "2026-01-15");
        assertEquals(date("2027-01-15"), deposit.maturesOn());
        InterestSlip slip = deposit.payout(date("2027-01-15"), date("2027-01-15"), DEMAND);
        assertEquals(List.of(new InterestLine(InterestLine.Kind.TERM, date("2026-01-15"), date("2027-01-15"), 360,
                Money.cny("10000.00"), new BigDecimal("0.0150"), Money.cny("150.00"))), slip.lines());
        assertEquals(Money.cny("150.00"), slip.total(), "10,000 x 1.50 % x 360 / 360");
    }

    @Test
    void aRateChangedAfterOpeningDoesNotChangeTheTerm() {
        TimeDeposit deposit = TimeDeposit.open(DepositProduct.TIME_3M, Money.cny("10000.00"), date("2026-01-15"),
                THREE_MONTHS, Renewal.NONE);
        assertEquals(new BigDecimal("0.0110"), deposit.rate(), "the rate of the opening day, not of 1 March");
        assertEquals(Money.cny("27.50"), deposit.payout(date("2026-04-15"), date("2026-04-15"), DEMAND).total(),
                "10,000 x 1.10 % x 90 / 360");
    }

    @Test
    void withdrawnEarlyItEarnsTheDemandRateOfTheDayOverTheActualDays() {
        InterestSlip slip = oneYear("10000.00", "2026-01-15").payout(date("2026-07-15"), date("2027-01-15"), DEMAND);
        InterestLine early = slip.lines().get(0);
        assertEquals(InterestLine.Kind.EARLY, early.kind());
        assertEquals(181, early.days(), "15 January to 15 July, actual days");
        assertEquals(Money.cny("17.60"), slip.total(), "10,000 x 0.35 % x 181 / 360 = 17.597...");
    }

    @Test
    void aPartialEarlyWithdrawalEarnsTheDemandRateOnlyOnThePartTheRestKeepsItsTermAndRate() {
        TimeDeposit deposit = oneYear("10000.00", "2026-01-15");
        TimeDeposit.PartialWithdrawal partial = deposit.withdrawPart(Money.cny("4000.00"), date("2026-07-15"),
                date("2027-01-15"), DEMAND);
        assertEquals(Money.cny("7.04"), partial.slip().total(), "4,000 x 0.35 % x 181 / 360 = 7.0388...");
        TimeDeposit rest = partial.rest();
        assertEquals(Money.cny("6000.00"), rest.principal());
        assertEquals(deposit.rate(), rest.rate());
        assertEquals(deposit.maturesOn(), rest.maturesOn());
        assertTrue(rest.partlyWithdrawn());
        assertEquals(Money.cny("90.00"), rest.payout(date("2027-01-15"), date("2027-01-15"), DEMAND).total(),
                "6,000 x 1.50 % for the year");
        assertEquals(ErrorCode.DEPOSIT_PARTIAL_TAKEN, refused(() -> rest.withdrawPart(Money.cny("1000.00"),
                date("2026-08-01"), date("2027-01-15"), DEMAND)), "one partial early withdrawal only");
    }

    @Test
    void aPartialWithdrawalMustLeaveTheMinimumAndComeBeforeMaturity() {
        TimeDeposit deposit = oneYear("10000.00", "2026-01-15");
        assertEquals(ErrorCode.DEPOSIT_REST_BELOW_MINIMUM, refused(() -> deposit.withdrawPart(Money.cny("9950.01"),
                date("2026-07-15"), date("2027-01-15"), DEMAND)));
        assertEquals(Money.cny("50.00"), deposit.withdrawPart(Money.cny("9950.00"), date("2026-07-15"),
                date("2027-01-15"), DEMAND).rest().principal(), "exactly the minimum may stay");
        assertEquals(ErrorCode.DEPOSIT_PARTIAL_MATURED, refused(() -> deposit.withdrawPart(Money.cny("1000.00"),
                date("2027-01-15"), date("2027-01-15"), DEMAND)));
        assertEquals(ErrorCode.AMOUNT_NOT_POSITIVE, refused(() -> deposit.withdrawPart(Money.cny("0.00"),
                date("2026-07-15"), date("2027-01-15"), DEMAND)));
    }

    @Test
    void theDaysAfterMaturityEarnTheDemandRateOfEachDay() {
        TimeDeposit deposit = oneYear("10000.00", "2026-01-15");
        InterestSlip flat = deposit.payout(date("2027-02-14"), date("2027-01-15"), DEMAND);
        assertEquals(Money.cny("152.92"), flat.total(), "150.00 for the term, 10,000 x 0.35 % x 30 / 360 = 2.9166...");

        RateTable changed = new RateTable(Map.of(date("2000-01-01"), new BigDecimal("0.0035"),
                date("2027-02-01"), new BigDecimal("0.0020")));
        InterestSlip slip = deposit.payout(date("2027-02-14"), date("2027-01-15"), changed);
        assertEquals(List.of(InterestLine.Kind.TERM, InterestLine.Kind.OVERDUE, InterestLine.Kind.OVERDUE),
                slip.lines().stream().map(InterestLine::kind).toList());
        assertEquals(List.of(17L, 13L), slip.lines().subList(1, 3).stream().map(InterestLine::days).toList());
        assertEquals(Money.cny("1.65"), slip.lines().get(1).interest(), "17 days at 0.35 %");
        assertEquals(Money.cny("0.72"), slip.lines().get(2).interest(), "13 days at 0.20 %");
        assertEquals(Money.cny("152.37"), slip.total());
    }

    @Test
    void theOverdueInterestAccruedThroughADayIsWhatAPayoutTheDayAfterPaysForThoseDays() {
        TimeDeposit deposit = oneYear("10000.00", "2026-01-15");
        RateTable changed = new RateTable(Map.of(date("2000-01-01"), new BigDecimal("0.0035"),
                date("2027-02-01"), new BigDecimal("0.0020")));
        assertEquals(Money.cny("0.00"), deposit.overdueThrough(date("2027-01-14"), changed), "not matured yet");
        assertEquals(Money.cny("0.10"), deposit.overdueThrough(date("2027-01-15"), changed), "one day: 0.0972...");
        assertEquals(Money.cny("2.37"), deposit.overdueThrough(date("2027-02-13"), changed), "1.65 + 0.72, line by line");
        InterestSlip payout = deposit.payout(date("2027-02-14"), date("2027-01-15"), changed);
        assertEquals(payout.total().minus(deposit.term().interest()), deposit.overdueThrough(date("2027-02-13"), changed));
    }

    @Test
    void renewedTwiceWithInterestEachTermTakesTheRateOfItsRenewalDay() {
        TimeDeposit first = TimeDeposit.open(DepositProduct.TIME_3M, Money.cny("10000.00"), date("2026-01-15"),
                THREE_MONTHS, Renewal.PRINCIPAL_AND_INTEREST);
        TimeDeposit.Renewed once = first.renew(THREE_MONTHS);
        assertEquals(Money.cny("27.50"), once.slip().total());
        assertEquals(Money.cny("0.00"), once.interestPaidOut());
        TimeDeposit second = once.next();
        assertEquals(Money.cny("10027.50"), second.principal(), "the interest deposited again");
        assertEquals(new BigDecimal("0.0100"), second.rate(), "the rate in force on 15 April, changed on 1 March");
        assertEquals(date("2026-04-15"), second.termStart());
        assertEquals(date("2026-07-15"), second.maturesOn());
        TimeDeposit.Renewed twice = second.renew(THREE_MONTHS);
        assertEquals(Money.cny("25.07"), twice.slip().total(), "10,027.50 x 1.00 % x 90 / 360 = 25.06875");
        assertEquals(Money.cny("10052.57"), twice.next().principal());
        assertEquals(date("2026-10-15"), twice.next().maturesOn());
    }

    @Test
    void renewedWithThePrincipalOnlyTheInterestIsPaidOut() {
        TimeDeposit.Renewed renewed = TimeDeposit.open(DepositProduct.TIME_3M, Money.cny("10000.00"),
                date("2026-01-15"), THREE_MONTHS, Renewal.PRINCIPAL).renew(THREE_MONTHS);
        assertEquals(Money.cny("27.50"), renewed.interestPaidOut());
        assertEquals(Money.cny("10000.00"), renewed.next().principal());
        assertFalse(renewed.next().partlyWithdrawn());
    }

    @Test
    void aLeapYearsFebruaryCountsItsTwentyNinthDayForTheActualDaysButAMonthIsThirtyDays() {
        TimeDeposit deposit = oneYear("10000.00", "2028-02-01");
        assertEquals(Money.cny("2.82"), deposit.payout(date("2028-03-01"), date("2029-02-01"), DEMAND).total(),
                "29 actual days: 10,000 x 0.35 % x 29 / 360 = 2.8194...");
        assertEquals(30, DayCount.THIRTY_360.days(date("2028-02-01"), date("2028-03-01")), "a whole month");
        assertEquals(29, DayCount.ACT_360.days(date("2028-02-01"), date("2028-03-01")));
    }

    @Test
    void monthEndMaturitiesEndOnTheLastDayOfAShorterMonth() {
        assertEquals(30, DayCount.THIRTY_360.days(date("2027-01-31"), date("2027-02-28")), "31 January for one month");
        assertEquals(30, DayCount.THIRTY_360.days(date("2028-01-31"), date("2028-02-29")), "and in a leap year");
        assertEquals(31, DayCount.THIRTY_360.days(date("2027-01-31"), date("2027-03-01")), "a month and a day");
        assertEquals(27, DayCount.THIRTY_360.days(date("2027-01-31"), date("2027-02-27")), "not yet a month: actual days");
        assertEquals(65, DayCount.THIRTY_360.days(date("2027-01-15"), date("2027-03-20")));
        assertEquals(0, DayCount.THIRTY_360.days(date("2027-03-20"), date("2027-01-15")));
        assertEquals(date("2027-02-28"), TimeDeposit.maturity(DepositProduct.TIME_3M, date("2026-11-30")));
        assertEquals(date("2028-02-29"), TimeDeposit.maturity(DepositProduct.TIME_3M, date("2027-11-30")));
        assertEquals(date("2027-02-28"), TimeDeposit.maturity(DepositProduct.TIME_6M, date("2026-08-31")));
        assertEquals(date("2029-02-28"), TimeDeposit.maturity(DepositProduct.TIME_1Y, date("2028-02-29")));
        TimeDeposit fromTheLastOfAugust = TimeDeposit.open(DepositProduct.TIME_6M, Money.cny("3600.00"),
                date("2026-08-31"), rates("2000-01-01", "0.0130"), Renewal.NONE);
        assertEquals(Money.cny("23.40"), fromTheLastOfAugust.term().interest(), "six whole months: 3,600 x 1.30 % / 2");
    }

    @Test
    void aMaturityOnAClosedDayIsPaidAsMaturedOnTheBusinessDayBefore() {
        TimeDeposit deposit = oneYear("10000.00", "2026-01-17");
        assertEquals(date("2027-01-17"), deposit.maturesOn(), "a Sunday");
        LocalDate payableFrom = DepositProduct.TIME_1Y.maturityRule().adjust(deposit.maturesOn(), WEEKDAYS);
        assertEquals(date("2027-01-15"), payableFrom, "the Friday before");
        InterestSlip friday = deposit.payout(payableFrom, payableFrom, DEMAND);
        assertEquals(List.of(InterestLine.Kind.TERM), friday.lines().stream().map(InterestLine::kind).toList());
        assertEquals(Money.cny("150.00"), friday.total(), "the whole term, no overdue days");
        assertEquals(Money.cny("150.19"), deposit.payout(date("2027-01-19"), payableFrom, DEMAND).total(),
                "Tuesday: the term and two overdue days (0.1944...)");
    }

    @Test
    void aTermTheBankDoesNotOfferOrAnAmountBelowTheMinimumIsRefused() {
        assertEquals(ErrorCode.DEPOSIT_TERM_UNKNOWN, refused(() -> TimeDeposit.productOf(4)));
        assertEquals(DepositProduct.TIME_5Y, TimeDeposit.productOf(60));
        assertEquals(ErrorCode.DEPOSIT_BELOW_MINIMUM, refused(() -> oneYear("49.99", "2026-01-15")));
        assertEquals(Money.cny("0.75"), oneYear("50.00", "2026-01-15").term().interest());
    }

    @Test
    void withdrawnOnTheDayItOpenedItEarnsNothing() {
        assertEquals(Money.cny("0.00"), oneYear("10000.00", "2026-01-15")
                .payout(date("2026-01-15"), date("2027-01-15"), DEMAND).total());
    }

    private static TimeDeposit oneYear(String amount, String on) {
        return TimeDeposit.open(DepositProduct.TIME_1Y, Money.cny(amount), date(on), ONE_YEAR, Renewal.NONE);
    }

    private static RateTable rates(String from, String rate) {
        return new RateTable(Map.of(date(from), new BigDecimal(rate)));
    }

    private static ErrorCode refused(Runnable action) {
        return assertThrows(TellerException.class, action::run).code();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
