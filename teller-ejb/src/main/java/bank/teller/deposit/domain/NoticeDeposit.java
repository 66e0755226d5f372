package bank.teller.deposit.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A notice deposit (通知存款) of one or seven days: opened with at least {@link #MINIMUM}, withdrawn
 * in parts of at least the minimum leaving at least the minimum, each withdrawal announced by a
 * notice (通知, 预约) registered at least the product's notice days before its date. Immutable.
 *
 * <p>Interest is paid on the part withdrawn, from the day the deposit was opened to the day of the
 * withdrawal (ACT/360), at the notice rate of the withdrawal day for what the notice covers, and at
 * the demand rate of the day (the bank's rule, after PBOC's 通知存款管理办法) for:
 * <ul>
 *   <li>a withdrawal without a notice, or on another day than the notice's (before: the notice
 *       period has not passed; after: its window, the one day, has);</li>
 *   <li>the part above the amount the notice named;</li>
 *   <li>a withdrawal below the minimum;</li>
 *   <li>what would stay below the minimum: it is paid out with the withdrawal, closing the deposit (清户).</li>
 * </ul>
 * A withdrawal uses up the notice, whatever it took.
 */
public record NoticeDeposit(DepositProduct product, Money principal, LocalDate openedOn, Notice notice) {

    /** The least a notice deposit opens with, is withdrawn by and keeps. */
    public static final Money MINIMUM = Money.cny("50000.00");

    /** A withdrawal announced for {@code date}, of {@code amount}, registered on {@code registeredOn}. */
    public record Notice(LocalDate date, Money amount, LocalDate registeredOn) {
        public Notice {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(registeredOn, "registeredOn");
        }
    }

    public NoticeDeposit {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(openedOn, "openedOn");
        if (!product.isNotice()) {
            throw new IllegalArgumentException(product + " is not a notice deposit");
        }
    }

    public static NoticeDeposit open(DepositProduct product, Money principal, LocalDate on) {
        if (principal.compareTo(MINIMUM) < 0) {
            throw new TellerException(ErrorCode.DEPOSIT_BELOW_MINIMUM, principal, MINIMUM);
        }
        return new NoticeDeposit(product, principal, on, null);
    }

    /**
     * The deposit with a notice registered on {@code today} to withdraw {@code amount} on {@code date}:
     * one notice at a time, for a date at least the notice days ahead, of at least the minimum and at
     * most the principal.
     */
    public NoticeDeposit noticed(LocalDate date, Money amount, LocalDate today) {
        if (notice != null) {
            throw new TellerException(ErrorCode.DEPOSIT_NOTICE_EXISTS, notice.date(), notice.amount());
        }
        if (!date.isAfter(today)) {
            throw new TellerException(ErrorCode.DEPOSIT_NOTICE_DATE_PAST, date, today);
        }
        LocalDate earliest = today.plusDays(product.noticeDays());
        if (date.isBefore(earliest)) {
            throw new TellerException(ErrorCode.DEPOSIT_NOTICE_TOO_SOON, date, product.noticeDays(), earliest);
        }
        if (amount.compareTo(MINIMUM) < 0) {
            throw new TellerException(ErrorCode.DEPOSIT_WITHDRAWAL_BELOW_MINIMUM, amount, MINIMUM);
        }
        requireHeld(amount);
        return new NoticeDeposit(product, principal, openedOn, new Notice(date, amount, today));
    }

    /** The deposit without its notice (DEPOSIT_NOTICE_NONE if it has none). */
    public NoticeDeposit noticeCancelled() {
        if (notice == null) {
            throw new TellerException(ErrorCode.DEPOSIT_NOTICE_NONE);
        }
        return new NoticeDeposit(product, principal, openedOn, null);
    }

    /** A withdrawal: its interest slip, what it pays out of the principal, and the deposit that stays (null when closed). */
    public record Withdrawal(InterestSlip slip, Money paidOut, NoticeDeposit rest) {
        public boolean closes() {
            return rest == null;
        }
    }

    /** Withdraws {@code amount} on {@code on}, with the rates of that day (see the class for which rate applies). */
    public Withdrawal withdraw(Money amount, LocalDate on, RateTable noticeRates, RateTable demandRates) {
        amount.requirePositive();
        requireHeld(amount);
        Money rest = principal.minus(amount);
        boolean closing = rest.compareTo(MINIMUM) < 0;
        Money atNotice = amount.compareTo(MINIMUM) < 0 || notice == null || !notice.date().equals(on)
                ? Money.zero(amount.currency()) : min(amount, notice.amount());
        Money atDemand = (closing ? principal : amount).minus(atNotice);
        List<InterestLine> lines = new ArrayList<>();
        if (!atNotice.isZero()) {
            lines.add(InterestLine.of(InterestLine.Kind.NOTICE, openedOn, on, atNotice, noticeRates.on(on),
                    product.dayCount()));
        }
        if (!atDemand.isZero()) {
            lines.add(InterestLine.of(InterestLine.Kind.NOTICE_AT_DEMAND, openedOn, on, atDemand, demandRates.on(on),
                    DepositProduct.DEMAND.dayCount()));
        }
        Money paidOut = closing ? principal : amount;
        return new Withdrawal(new InterestSlip(paidOut, lines), paidOut,
                closing ? null : new NoticeDeposit(product, rest, openedOn, null));
    }

    private void requireHeld(Money amount) {
        if (amount.compareTo(principal) > 0) {
            throw new TellerException(ErrorCode.DEPOSIT_AMOUNT_ABOVE_PRINCIPAL, amount, principal);
        }
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
