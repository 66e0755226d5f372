package bank.teller.deposit.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The terms of a time deposit (整存整取) for its current term: the principal, the annual rate fixed
 * when the term began (at opening or renewal), the term's start and its maturity by 对年对月对日
 * (from the 31st, a month ends on the last day of a shorter month), what happens at maturity, and
 * whether the one partial early withdrawal allowed (部分提前支取) has been made. Immutable: every
 * change answers the terms after it, with the interest slip of what it paid.
 *
 * <p>Interest: the whole term earns the term's rate by 30/360; a withdrawal before the deposit is
 * payable as matured earns the demand rate of the withdrawal day over the actual days (ACT/360);
 * the days after maturity earn the demand rate of each day (ACT/360).
 */
public record TimeDeposit(DepositProduct product, Money principal, BigDecimal rate, LocalDate termStart,
                          LocalDate maturesOn, Renewal renewal, boolean partlyWithdrawn) {

    /** The least a time deposit opens with, and the least that may stay after a partial withdrawal. */
    public static final Money MINIMUM = Money.cny("50.00");

    public TimeDeposit {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(renewal, "renewal");
        if (!product.isTime()) {
            throw new IllegalArgumentException(product + " is not a time deposit");
        }
        if (!maturesOn.equals(maturity(product, termStart))) {
            throw new IllegalArgumentException("maturity " + maturesOn + " is not " + product + " from " + termStart);
        }
    }

    /** A deposit of {@code principal} for {@code product}'s term from {@code on}, at the rate in force that day. */
    public static TimeDeposit open(DepositProduct product, Money principal, LocalDate on, RateTable rates,
                                   Renewal renewal) {
        requireMinimum(principal);
        return new TimeDeposit(product, principal, rates.on(on), on, maturity(product, on), renewal, false);
    }

    /** The product of a term of {@code months} (DEPOSIT_TERM_UNKNOWN if the bank has none). */
    public static DepositProduct productOf(int months) {
        return DepositProduct.timeOf(months)
                .orElseThrow(() -> new TellerException(ErrorCode.DEPOSIT_TERM_UNKNOWN, months));
    }

    /** The maturity of a term begun on {@code start}: the same day {@code product}'s months later, or that month's last day. */
    public static LocalDate maturity(DepositProduct product, LocalDate start) {
        return start.plusMonths(product.termMonths());
    }

    /** Whether a withdrawal on {@code on} is paid as matured, {@code payableFrom} being the maturity adjusted for closed days. */
    public boolean maturedOn(LocalDate on, LocalDate payableFrom) {
        return !on.isBefore(payableFrom);
    }

    /**
     * The interest of withdrawing everything on {@code on}: the term and the overdue days when it is
     * payable as matured ({@code payableFrom} on), else the demand rate of the day over the days held.
     */
    public InterestSlip payout(LocalDate on, LocalDate payableFrom, RateTable demandRates) {
        requireNotBeforeStart(on);
        if (!maturedOn(on, payableFrom)) {
            return new InterestSlip(principal, List.of(early(principal, on, demandRates)));
        }
        List<InterestLine> lines = new ArrayList<>();
        lines.add(term());
        lines.addAll(overdue(on, demandRates));
        return new InterestSlip(principal, lines);
    }

    /**
     * What the days from maturity through {@code last} have earned at the demand rate of each day (the
     * overdue interest a payout the day after would pay, line by line rounded as on its slip); zero
     * before maturity. End of day accrues it (计提) for the deposits that wait.
     */
    public Money overdueThrough(LocalDate last, RateTable demandRates) {
        return new InterestSlip(principal, overdue(last.plusDays(1), demandRates)).total();
    }

    /** The whole term's interest at the term's rate. */
    public InterestLine term() {
        return InterestLine.of(InterestLine.Kind.TERM, termStart, maturesOn, principal, rate, product.dayCount());
    }

    /** A partial early withdrawal: its interest slip and the deposit that stays, with its term and rate. */
    public record PartialWithdrawal(InterestSlip slip, TimeDeposit rest) {
    }

    /**
     * Withdraws {@code amount} before maturity: that part earns the demand rate of {@code on}, the rest
     * keeps its term and rate. Allowed once, before the deposit is payable as matured, leaving at
     * least {@link #MINIMUM}.
     */
    public PartialWithdrawal withdrawPart(Money amount, LocalDate on, LocalDate payableFrom, RateTable demandRates) {
        requireNotBeforeStart(on);
        if (partlyWithdrawn) {
            throw new TellerException(ErrorCode.DEPOSIT_PARTIAL_TAKEN, termStart);
        }
        if (maturedOn(on, payableFrom)) {
            throw new TellerException(ErrorCode.DEPOSIT_PARTIAL_MATURED, maturesOn);
        }
        Money rest = principal.minus(amount.requirePositive());
        if (rest.compareTo(MINIMUM) < 0) {
            throw new TellerException(ErrorCode.DEPOSIT_REST_BELOW_MINIMUM, rest, MINIMUM);
        }
        return new PartialWithdrawal(new InterestSlip(amount, List.of(early(amount, on, demandRates))),
                new TimeDeposit(product, rest, rate, termStart, maturesOn, renewal, true));
    }

    /** The same deposit with another choice of what happens at maturity. */
    public TimeDeposit withRenewal(Renewal choice) {
        return new TimeDeposit(product, principal, rate, termStart, maturesOn, choice, partlyWithdrawn);
    }

    /** A renewal at maturity: the finished term's interest slip and the next term. */
    public record Renewed(InterestSlip slip, TimeDeposit next) {

        /** The interest paid out to the customer rather than deposited again (zero when it is renewed with the principal). */
        public Money interestPaidOut() {
            return next.renewal() == Renewal.PRINCIPAL ? slip.total() : Money.zero(slip.principal().currency());
        }
    }

    /**
     * Renews the deposit on its maturity date for the same term at the rate {@code productRates}
     * has in force that day, with or without the finished term's interest as {@link #renewal} says.
     */
    public Renewed renew(RateTable productRates) {
        if (renewal == Renewal.NONE) {
            throw new IllegalStateException("a deposit without renewal is not renewed");
        }
        InterestSlip slip = new InterestSlip(principal, List.of(term()));
        Money nextPrincipal = renewal == Renewal.PRINCIPAL_AND_INTEREST ? principal.plus(slip.total()) : principal;
        return new Renewed(slip, new TimeDeposit(product, nextPrincipal, productRates.on(maturesOn), maturesOn,
                maturity(product, maturesOn), renewal, false));
    }

    private InterestLine early(Money part, LocalDate on, RateTable demandRates) {
        return InterestLine.of(InterestLine.Kind.EARLY, termStart, on, part, demandRates.on(on),
                DepositProduct.DEMAND.dayCount());
    }

    /** The days from maturity to {@code on}, one line for each run of days with the same demand rate. */
    private List<InterestLine> overdue(LocalDate on, RateTable demandRates) {
        List<InterestLine> lines = new ArrayList<>();
        LocalDate runStart = maturesOn;
        for (LocalDate day = maturesOn; day.isBefore(on); day = day.plusDays(1)) {
            LocalDate next = day.plusDays(1);
            if (next.equals(on) || demandRates.on(next).compareTo(demandRates.on(runStart)) != 0) {
                lines.add(InterestLine.of(InterestLine.Kind.OVERDUE, runStart, next, principal,
                        demandRates.on(runStart), DepositProduct.DEMAND.dayCount()));
                runStart = next;
            }
        }
        return lines;
    }

    private void requireNotBeforeStart(LocalDate on) {
        if (on.isBefore(termStart)) {
            throw new IllegalArgumentException("withdrawal on " + on + " before the term began on " + termStart);
        }
    }

    public static void requireMinimum(Money principal) {
        if (principal.compareTo(MINIMUM) < 0) {
            throw new TellerException(ErrorCode.DEPOSIT_BELOW_MINIMUM, principal, MINIMUM);
        }
    }
}
