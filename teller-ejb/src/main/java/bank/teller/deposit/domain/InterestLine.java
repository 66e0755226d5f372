package bank.teller.deposit.domain;

import bank.teller.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of an interest slip (利息清单): a principal earning one annual rate over one period,
 * {@code from} counted and {@code to} not, the days counted by the product's convention and the
 * interest rounded to the fen HALF_UP (accumulated unrounded before).
 */
public record InterestLine(Kind kind, LocalDate from, LocalDate to, long days, Money principal, BigDecimal annualRate,
                           Money interest) {

    /** What the period earned: the term's rate, or the demand rate and why. */
    public enum Kind {
        /** The whole term at the rate fixed at opening (or renewal). */
        TERM,
        /** Withdrawn before maturity: the demand rate of the withdrawal day (提前支取). */
        EARLY,
        /** Days after maturity: the demand rate of each day (逾期). */
        OVERDUE,
        /** A notice deposit withdrawn as its notice allows: the notice rate of the withdrawal day. */
        NOTICE,
        /** A notice deposit's part withdrawn without the notice its rate needs: the demand rate of the day. */
        NOTICE_AT_DEMAND
    }

    public InterestLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(interest, "interest");
    }

    /** The line for {@code principal} at one {@code annualRate} from {@code from} to {@code to}. */
    public static InterestLine of(Kind kind, LocalDate from, LocalDate to, Money principal, BigDecimal annualRate,
                                  DayCount dayCount) {
        long days = dayCount.days(from, to);
        return new InterestLine(kind, from, to, days, principal, annualRate,
                rounded(unrounded(principal, annualRate, days, dayCount), principal.currency()));
    }

    /** {@code principal × rate × days / days in the year}, at {@link InterestAccrual#SCALE} decimals. */
    static BigDecimal unrounded(Money principal, BigDecimal annualRate, long days, DayCount dayCount) {
        return principal.amount().multiply(annualRate).multiply(BigDecimal.valueOf(days))
                .divide(dayCount.daysInYear(), InterestAccrual.SCALE, RoundingMode.HALF_UP);
    }

    static Money rounded(BigDecimal unrounded, String currency) {
        return Money.of(unrounded.setScale(Money.SCALE, RoundingMode.HALF_UP), currency);
    }
}
