package bank.teller.deposit.domain;

import java.math.BigDecimal;

/**
 * How many days make a year when an annual rate is turned into a day's rate: each product names
 * its convention. PBOC's convention for deposits is ACT/360 (daily rate = annual / 360).
 */
public enum DayCount {
    /** Each calendar day counts, 360 to the year. */
    ACT_360(360),
    /** Each calendar day counts, 365 to the year, leap years included. */
    ACT_365F(365);

    private final BigDecimal daysInYear;

    DayCount(int daysInYear) {
        this.daysInYear = BigDecimal.valueOf(daysInYear);
    }

    public BigDecimal daysInYear() {
        return daysInYear;
    }
}
