package bank.teller.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in one currency, always held at two decimals (fen). Never a double.
 * Amounts given by people or systems are parsed strictly by {@link #parse}: anything with a
 * fraction of a fen, or beyond what the NUMERIC(19,2) columns hold, is refused, not rounded.
 */
public final class Money implements Comparable<Money> {

    public static final String CNY = "CNY";
    public static final int SCALE = 2;
    /** The largest amount a NUMERIC(19,2) column holds. */
    public static final BigDecimal MAX = new BigDecimal("99999999999999999.99");

    private final BigDecimal amount;
    private final String currency;

    private Money(BigDecimal amount, String currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /** An exact amount; refuses sub-fen fractions and values beyond the column range. */
    public static Money of(BigDecimal amount, String currency) {
        if (amount == null) {
            throw new TellerException(ErrorCode.AMOUNT_REQUIRED);
        }
        if (!CNY.equals(currency)) {
            throw new TellerException(ErrorCode.CURRENCY_NOT_SUPPORTED, String.valueOf(currency));
        }
        BigDecimal scaled;
        try {
            scaled = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException subFen) {
            throw new TellerException(ErrorCode.AMOUNT_SUB_FEN, amount.toPlainString());
        }
        if (scaled.abs().compareTo(MAX) > 0) {
            throw new TellerException(ErrorCode.AMOUNT_TOO_LARGE, amount.toPlainString());
        }
        return new Money(scaled, currency);
    }

    public static Money cny(String amount) {
        return parse(amount, CNY);
    }

    public static Money zero(String currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /** Parses a decimal string such as {@code "1200.00"}; refuses exponents, blanks and junk. */
    public static Money parse(String text, String currency) {
        if (text == null || text.isBlank()) {
            throw new TellerException(ErrorCode.AMOUNT_REQUIRED);
        }
        String trimmed = text.trim();
        if (!trimmed.matches("[+-]?\\d{1,30}(\\.\\d{1,30})?")) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "amount", trimmed);
        }
        return of(new BigDecimal(trimmed), currency);
    }

    /** A positive amount, as every posting requires. */
    public Money requirePositive() {
        if (amount.signum() <= 0) {
            throw new TellerException(ErrorCode.AMOUNT_NOT_POSITIVE, amount.toPlainString());
        }
        return this;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return of(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return of(amount.subtract(other.amount), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new TellerException(ErrorCode.CURRENCY_NOT_SUPPORTED, other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.equals(m.amount) && currency.equals(m.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    /** Plain two-decimal form, as used in JSON ({@code "1200.00"}). */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
