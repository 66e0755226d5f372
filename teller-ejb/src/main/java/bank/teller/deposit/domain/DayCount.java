package bank.teller.deposit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How the days between two dates are counted and how many make a year when an annual rate is
 * turned into a day's rate: each product names its convention. PBOC's convention for deposits is
 * ACT/360 (daily rate = annual / 360); time deposits count whole months as 30 days (对年对月对日).
 * Days are counted from the first date to the second, the first counted and the second not (算头不算尾).
 */
public enum DayCount {
    /** Each calendar day counts, 360 to the year. */
    ACT_360(360),
    /** Each calendar day counts, 365 to the year, leap years included. */
    ACT_365F(365),
    /**
     * A whole month counts 30 days and a year 360 (对年对月对日); the days after the last whole month
     * count as they are. A month from the 31st (or the 29th or 30th) ends on the last day of a
     * shorter month: 31 January to 28 February is a month.
     */
    THIRTY_360(360);

    private final BigDecimal daysInYear;

    DayCount(int daysInYear) {
        this.daysInYear = BigDecimal.valueOf(daysInYear);
    }

    public BigDecimal daysInYear() {
        return daysInYear;
    }

    /** The days from {@code from} to {@code to} by this convention (0 when {@code to} is not after {@code from}). */
    public long days(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        if (this != THIRTY_360) {
            return ChronoUnit.DAYS.between(from, to);
        }
        long months = wholeMonths(from, to);
        return months * 30 + ChronoUnit.DAYS.between(from.plusMonths(months), to);
    }

    /** The whole months from {@code from} to {@code to}, a month ending on the same day of the month or the month's last. */
    static long wholeMonths(LocalDate from, LocalDate to) {
        long months = Math.max(0, ChronoUnit.MONTHS.between(from, to));
        while (!from.plusMonths(months + 1).isAfter(to)) {
            months++;
        }
        return months;
    }
}
