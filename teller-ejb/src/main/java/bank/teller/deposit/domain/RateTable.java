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
        for (Map.Entry<LocalDate, BigDecimal> rate : ratesFrom.entrySet()) {
            if (rate.getValue().signum() < 0 || rate.getValue().compareTo(BigDecimal.ONE) >= 0) {
                throw new TellerException(ErrorCode.RATE_INVALID, rate.getKey(), rate.getValue().toPlainString());
            }
        }
        this.rates = new TreeMap<>(ratesFrom);
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
