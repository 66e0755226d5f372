package bank.teller.deposit.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One product's annual rates with the dates they take effect (a fraction: 0.0035 is 0.35 %). A new
 * rate applies from its date on; the days before keep the rate they had, so a change never
 * rewrites interest already accrued.
 */
public final class RateTable {

    private final NavigableMap<LocalDate, BigDecimal> rates;

    public RateTable(Map<LocalDate, BigDecimal> ratesFrom) {
        ratesFrom.forEach(RateTable::requireValid);
        this.rates = new TreeMap<>(ratesFrom);
    }

    /** Refuses an annual rate below 0 or of 100 % and more (RATE_INVALID). */
    public static void requireValid(LocalDate from, BigDecimal rate) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new TellerException(ErrorCode.RATE_INVALID, from, rate.toPlainString());
        }
    }

    /** An annual rate as a fraction (0.0150) in per cent, as a bank posts it: at least two decimals ("1.50"). */
    public static String percent(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        return percent.setScale(Math.max(2, percent.scale())).toPlainString();
    }

    /** The annual rate in force on {@code day}. */
    public BigDecimal on(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> rate = rates.floorEntry(day);
        if (rate == null) {
            throw new TellerException(ErrorCode.RATE_NOT_SET, day);
        }
        return rate.getValue();
    }
}
