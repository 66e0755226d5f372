package bank.teller.deposit.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/**
 * Demand interest is settled quarterly (结息): interest to the 20th of March, June, September and
 * December, posted on the 21st. An end of day accrues every day from its business date to the day
 * before the next business day (the closed days keep the balance they had), so the settlement day
 * may fall among them: the days up to it are settled, the days after it begin the next period.
 */
public final class QuarterlySettlement {

    static final int DAY = 20;

    private QuarterlySettlement() {
    }

    /** The first settlement day on or after {@code day}. */
    public static LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = LocalDate.of(day.getYear(), quarterEnd(day.getMonth()), DAY);
        return candidate.isBefore(day) ? candidate.plusMonths(3) : candidate;
    }

    /** The settlement day among the days from {@code first} up to {@code last}, if one is. */
    public static Optional<LocalDate> among(LocalDate first, LocalDate last) {
        LocalDate next = onOrAfter(first);
        return next.isAfter(last) ? Optional.empty() : Optional.of(next);
    }

    private static Month quarterEnd(Month month) {
        return Month.of((month.getValue() + 2) / 3 * 3);
    }
}
