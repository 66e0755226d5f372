package bank.teller.account.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * An account's average daily balance (日均余额) over a period: the mean of its balances at the end of
 * each calendar day, a day without a business day (a weekend) keeping the one before. Worked back
 * from the balance now and the net of each business day's movements, so it needs no balance history.
 */
public final class AverageDailyBalance {

    private AverageDailyBalance() {
    }

    /**
     * The average over {@code first} to {@code last} (inclusive), to the fen (HALF_UP), of an account
     * whose balance is {@code now} after every movement in {@code netByDay} (credits positive, debits
     * negative, by business date; days after {@code last} count only to work back from).
     */
    public static BigDecimal over(LocalDate first, LocalDate last, BigDecimal now, Map<LocalDate, BigDecimal> netByDay) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("period ends " + last + " before it starts " + first);
        }
        BigDecimal balance = now;
        for (Map.Entry<LocalDate, BigDecimal> day : netByDay.entrySet()) {
            if (day.getKey().isAfter(last)) {
                balance = balance.subtract(day.getValue());
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate day = last; !day.isBefore(first); day = day.minusDays(1)) {
            sum = sum.add(balance); // the balance at the end of day
            balance = balance.subtract(netByDay.getOrDefault(day, BigDecimal.ZERO));
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        return sum.divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }
}
