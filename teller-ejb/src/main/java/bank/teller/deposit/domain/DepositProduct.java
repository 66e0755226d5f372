package bank.teller.deposit.domain;

import bank.teller.calendar.domain.HolidayRule;
import java.util.Arrays;
import java.util.Optional;

/**
 * The deposit products that earn interest, each with its own rate table (the {@code interest_rate}
 * rows of its name), its day count and, for a product that matures, its term and what happens when
 * the maturity falls on a day the bank is closed.
 */
public enum DepositProduct {
    /** Demand deposits (活期): ACT/360, settled quarterly. */
    DEMAND(DayCount.ACT_360, 0, 0),
    /** Time deposits (整存整取): 30/360, the rate fixed at opening. */
    TIME_3M(DayCount.THIRTY_360, 3, 0),
    TIME_6M(DayCount.THIRTY_360, 6, 0),
    TIME_1Y(DayCount.THIRTY_360, 12, 0),
    TIME_2Y(DayCount.THIRTY_360, 24, 0),
    TIME_3Y(DayCount.THIRTY_360, 36, 0),
    TIME_5Y(DayCount.THIRTY_360, 60, 0),
    /** Notice deposits (通知存款): ACT/360, withdrawn after a notice of one or seven days. */
    NOTICE_1D(DayCount.ACT_360, 0, 1),
    NOTICE_7D(DayCount.ACT_360, 0, 7);

    private final DayCount dayCount;
    private final int termMonths;
    private final int noticeDays;

    DepositProduct(DayCount dayCount, int termMonths, int noticeDays) {
        this.dayCount = dayCount;
        this.termMonths = termMonths;
        this.noticeDays = noticeDays;
    }

    public DayCount dayCount() {
        return dayCount;
    }

    /** The term of a time deposit in months; 0 for products without a term. */
    public int termMonths() {
        return termMonths;
    }

    /** The notice a notice deposit's withdrawal needs, in days; 0 for other products. */
    public int noticeDays() {
        return noticeDays;
    }

    public boolean isTime() {
        return termMonths > 0;
    }

    public boolean isNotice() {
        return noticeDays > 0;
    }

    /**
     * A time deposit maturing on a day the bank is closed may be paid as matured on the business day
     * before it (PBOC's rule for savings: 节假日前一日支取按到期计息); the days after the maturity date
     * still earn the demand rate as overdue days.
     */
    public HolidayRule maturityRule() {
        return HolidayRule.PRECEDING;
    }

    /** The product's name as printed documents show it, in Chinese and English. */
    public String printedName() {
        if (isTime()) {
            return termMonths < 12 ? "整存整取 " + termMonths + "个月 Time deposit, " + termMonths + " months"
                    : "整存整取 " + termMonths / 12 + "年 Time deposit, " + termMonths / 12 + " year(s)";
        }
        return isNotice() ? noticeDays + "天通知存款 Notice deposit, " + noticeDays + " day(s)" : "活期 Demand";
    }

    /** The time deposit product of a term of {@code months}, if there is one. */
    public static Optional<DepositProduct> timeOf(int months) {
        return Arrays.stream(values()).filter(p -> p.isTime() && p.termMonths == months).findFirst();
    }
}
