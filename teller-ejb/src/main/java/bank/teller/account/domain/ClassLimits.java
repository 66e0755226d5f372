package bank.teller.account.domain;

import bank.teller.shared.Money;

/**
 * The class II/III limits (configurable; defaults as the PBOC rules set them): a class-II account
 * takes in at most {@code class2Daily} a day and {@code class2Yearly} a year of cash and credits from
 * other than its bound account, and pays out as much at most the same way; a class-III account
 * holds at most {@code class3BalanceCap}.
 */
public record ClassLimits(Money class2Daily, Money class2Yearly, Money class3BalanceCap) {

    public static final ClassLimits DEFAULT = new ClassLimits(Money.cny("10000.00"), Money.cny("200000.00"),
            Money.cny("2000.00"));

    /** The limits from system properties {@code teller.class2.daily-limit}, {@code teller.class2.yearly-limit}, {@code teller.class3.balance-cap}. */
    public static ClassLimits fromSystemProperties() {
        return new ClassLimits(
                Money.cny(System.getProperty("teller.class2.daily-limit", DEFAULT.class2Daily.toPlainString())),
                Money.cny(System.getProperty("teller.class2.yearly-limit", DEFAULT.class2Yearly.toPlainString())),
                Money.cny(System.getProperty("teller.class3.balance-cap", DEFAULT.class3BalanceCap.toPlainString())));
    }
}
