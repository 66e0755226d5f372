package bank.teller.deposit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Notice deposits (通知存款): the notice rate for what a notice covers on its day, the demand rate for the rest. */
class NoticeDepositTest {

    private static final RateTable DEMAND = new RateTable(Map.of(date("2000-01-01"), new BigDecimal("0.0035")));
    private static final RateTable SEVEN_DAY = new RateTable(Map.of(date("2000-01-01"), new BigDecimal("0.0135")));

    private final NoticeDeposit deposit = NoticeDeposit.open(DepositProduct.NOTICE_7D, Money.cny("100000.00"),
            date("2026-01-05"));

    @Test
    void withdrawnOnTheNoticesDayTheNoticedPartEarnsTheNoticeRate() {
        NoticeDeposit.Withdrawal withdrawal = noticed("2026-03-08", "50000.00")
                .withdraw(Money.cny("50000.00"), date("2026-03-08"), SEVEN_DAY, DEMAND);
        assertEquals(List.of(new InterestLine(InterestLine.Kind.NOTICE, date("2026-01-05"), date("2026-03-08"), 62,
                Money.cny("50000.00"), new BigDecimal("0.0135"), Money.cny("116.25"))), withdrawal.slip().lines(),
                "50,000 x 1.35 % x 62 / 360");
        assertEquals(Money.cny("50000.00"), withdrawal.rest().principal());
        assertNull(withdrawal.rest().notice(), "the notice is used up");
        assertEquals(date("2026-01-05"), withdrawal.rest().openedOn(), "the rest earns from the opening day");
    }

    @Test
    void withoutANoticeOrOnAnotherDayTheWithdrawalEarnsTheDemandRate() {
        assertEquals(Money.cny("30.14"), deposit.withdraw(Money.cny("50000.00"), date("2026-03-08"), SEVEN_DAY, DEMAND)
                .slip().total(), "no notice: 50,000 x 0.35 % x 62 / 360");
        NoticeDeposit noticed = noticed("2026-03-08", "50000.00");
        NoticeDeposit.Withdrawal late = noticed.withdraw(Money.cny("50000.00"), date("2026-03-09"), SEVEN_DAY, DEMAND);
        assertEquals(List.of(InterestLine.Kind.NOTICE_AT_DEMAND), kinds(late));
        assertEquals(Money.cny("30.63"), late.slip().total(), "after the window: 63 days at the demand rate");
        NoticeDeposit.Withdrawal early = noticed.withdraw(Money.cny("50000.00"), date("2026-03-07"), SEVEN_DAY, DEMAND);
        assertEquals(List.of(InterestLine.Kind.NOTICE_AT_DEMAND), kinds(early), "before the notice's day");
    }

    @Test
    void thePartAboveTheNoticeEarnsTheDemandRateAndARestBelowTheMinimumIsPaidOutWithIt() {
        NoticeDeposit.Withdrawal withdrawal = noticed("2026-03-08", "50000.00")
                .withdraw(Money.cny("60000.00"), date("2026-03-08"), SEVEN_DAY, DEMAND);
        assertTrue(withdrawal.closes(), "40,000 would stay, below the minimum: the deposit is closed");
        assertEquals(Money.cny("100000.00"), withdrawal.paidOut());
        assertEquals(List.of(InterestLine.Kind.NOTICE, InterestLine.Kind.NOTICE_AT_DEMAND), kinds(withdrawal));
        assertEquals(Money.cny("50000.00"), withdrawal.slip().lines().get(1).principal(),
                "the 10,000 above the notice and the 40,000 that could not stay");
        assertEquals(Money.cny("146.39"), withdrawal.slip().total(), "116.25 + 50,000 x 0.35 % x 62 / 360 (30.14)");
    }

    @Test
    void aWithdrawalBelowTheMinimumEarnsTheDemandRateEvenOnTheNoticesDay() {
        NoticeDeposit.Withdrawal withdrawal = noticed("2026-03-08", "50000.00")
                .withdraw(Money.cny("30000.00"), date("2026-03-08"), SEVEN_DAY, DEMAND);
        assertEquals(List.of(InterestLine.Kind.NOTICE_AT_DEMAND), kinds(withdrawal));
        assertEquals(Money.cny("18.08"), withdrawal.slip().total(), "30,000 x 0.35 % x 62 / 360 = 18.083...");
        assertEquals(Money.cny("70000.00"), withdrawal.rest().principal());
    }

    @Test
    void aNoticeIsForADayAtLeastTheNoticePeriodAheadOneAtATimeAndCancellable() {
        assertEquals(ErrorCode.DEPOSIT_NOTICE_TOO_SOON, refused(() -> deposit.noticed(date("2026-03-07"),
                Money.cny("50000.00"), date("2026-03-01"))), "seven days' notice: 8 March at the earliest");
        assertEquals(ErrorCode.DEPOSIT_NOTICE_DATE_PAST, refused(() -> deposit.noticed(date("2026-02-28"),
                Money.cny("50000.00"), date("2026-03-01"))));
        assertEquals(ErrorCode.DEPOSIT_NOTICE_DATE_PAST, refused(() -> deposit.noticed(date("2026-03-01"),
                Money.cny("50000.00"), date("2026-03-01"))), "today is not ahead");
        assertEquals(ErrorCode.DEPOSIT_WITHDRAWAL_BELOW_MINIMUM, refused(() -> deposit.noticed(date("2026-03-08"),
                Money.cny("49999.99"), date("2026-03-01"))));
        assertEquals(ErrorCode.DEPOSIT_AMOUNT_ABOVE_PRINCIPAL, refused(() -> deposit.noticed(date("2026-03-08"),
                Money.cny("100000.01"), date("2026-03-01"))));
        NoticeDeposit noticed = noticed("2026-03-08", "50000.00");
        assertEquals(ErrorCode.DEPOSIT_NOTICE_EXISTS, refused(() -> noticed.noticed(date("2026-03-09"),
                Money.cny("50000.00"), date("2026-03-01"))));
        assertNull(noticed.noticeCancelled().notice());
        assertEquals(ErrorCode.DEPOSIT_NOTICE_NONE, refused(deposit::noticeCancelled));
        NoticeDeposit oneDay = NoticeDeposit.open(DepositProduct.NOTICE_1D, Money.cny("50000.00"), date("2026-01-05"));
        assertEquals(date("2026-03-02"), oneDay.noticed(date("2026-03-02"), Money.cny("50000.00"), date("2026-03-01"))
                .notice().date(), "one day's notice: tomorrow");
    }

    @Test
    void itOpensWithTheMinimumAndPaysOutNoMoreThanItHolds() {
        assertEquals(ErrorCode.DEPOSIT_BELOW_MINIMUM, refused(() -> NoticeDeposit.open(DepositProduct.NOTICE_1D,
                Money.cny("49999.99"), date("2026-01-05"))));
        assertEquals(ErrorCode.DEPOSIT_AMOUNT_ABOVE_PRINCIPAL, refused(() -> deposit.withdraw(Money.cny("100000.01"),
                date("2026-03-08"), SEVEN_DAY, DEMAND)));
        NoticeDeposit.Withdrawal all = deposit.withdraw(Money.cny("100000.00"), date("2026-03-08"), SEVEN_DAY, DEMAND);
        assertTrue(all.closes());
        assertEquals(Money.cny("60.28"), all.slip().total(), "no notice: 100,000 x 0.35 % x 62 / 360 = 60.277...");
    }

    private NoticeDeposit noticed(String on, String amount) {
        return deposit.noticed(date(on), Money.cny(amount), date("2026-03-01"));
    }

    private static List<InterestLine.Kind> kinds(NoticeDeposit.Withdrawal withdrawal) {
        return withdrawal.slip().lines().stream().map(InterestLine::kind).toList();
    }

    private static ErrorCode refused(Runnable action) {
        return assertThrows(TellerException.class, action::run).code();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
