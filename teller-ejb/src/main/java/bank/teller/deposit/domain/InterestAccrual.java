package bank.teller.deposit.domain;

import bank.teller.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The interest an account has earned since its last settlement: the balance-sum (积数, the sum of
 * its end-of-day balances) and the interest accrued day by day at each day's rate, unrounded
 * (scale {@link #SCALE}) until it is settled, when it is rounded to the fen HALF_UP.
 *
 * @param since      the first day of the period
 * @param through    the last day accrued (the day before {@code since} while nothing is)
 * @param balanceSum 积数: the end-of-day balances added up, one per day
 * @param accrued    the interest so far, unrounded
 */
public record InterestAccrual(LocalDate since, LocalDate through, BigDecimal balanceSum, BigDecimal accrued) {

    /** Decimal places kept of a day's interest and of the sum (far below a fen: rounding happens once). */
    public static final int SCALE = 10;

    public InterestAccrual {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(through, "through");
        Objects.requireNonNull(balanceSum, "balanceSum");
        Objects.requireNonNull(accrued, "accrued");
    }

    /** A period beginning on {@code since}, nothing accrued yet. */
    public static InterestAccrual from(LocalDate since) {
        return new InterestAccrual(since, since.minusDays(1), BigDecimal.ZERO, BigDecimal.ZERO.setScale(SCALE));
    }

    /**
     * The accrual with the next day added: {@code balance} is that day's end-of-day balance, which
     * earns {@code rates}' rate of that day by {@code dayCount}. Days are accrued one after another,
     * none skipped or repeated (a closed day is accrued with the balance it had). A balance of zero
     * or less earns nothing.
     */
    public InterestAccrual accrue(LocalDate day, Money balance, RateTable rates, DayCount dayCount) {
        if (!day.equals(through.plusDays(1))) {
            throw new IllegalArgumentException("accrual of " + day + " after " + through + ": days must follow each other");
        }
        BigDecimal amount = balance.amount();
        if (amount.signum() <= 0) {
            return new InterestAccrual(since, day, balanceSum, accrued);
        }
        BigDecimal dayInterest = amount.multiply(rates.on(day)).divide(dayCount.daysInYear(), SCALE, RoundingMode.HALF_UP);
        return new InterestAccrual(since, day, balanceSum.add(amount), accrued.add(dayInterest));
    }

    /** The settlement day that ends this accrual's period (the period's interest is posted after it). */
    public LocalDate periodEnd() {
        return QuarterlySettlement.onOrAfter(since);
    }

    /**
     * The accrual with every day after {@code through} up to {@code last} added, each with the same
     * end-of-day {@code balance} (the days an end of day accrues: its date and the closed days up to
     * the next business day). When the period's settlement day is among them, the days after it
     * begin the next period: the answer is then this period, complete, and the next one; else this
     * one alone. Nothing to add ({@code last} accrued already) answers this accrual unchanged.
     */
    public List<InterestAccrual> accrueThrough(LocalDate last, Money balance, RateTable rates, DayCount dayCount) {
        List<InterestAccrual> periods = new ArrayList<>();
        InterestAccrual current = this;
        for (LocalDate day = through.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.isAfter(current.periodEnd())) {
                periods.add(current);
                current = from(day);
            }
            current = current.accrue(day, balance, rates, dayCount);
        }
        periods.add(current);
        return periods;
    }

    /** The interest to post at settlement: what was accrued, rounded to the fen HALF_UP. */
    public Money settled(String currency) {
        return Money.of(accrued.setScale(2, RoundingMode.HALF_UP), currency);
    }
}
