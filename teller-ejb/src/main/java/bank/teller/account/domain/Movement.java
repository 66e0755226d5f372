package bank.teller.account.domain;

/** How money moves in or out of a customer account, as the account-type rules see it. */
public enum Movement {
    /** Cash over the counter. */
    CASH,
    /** A transfer with the account's bound account (class II/III with their class-I account). */
    TRANSFER_BOUND,
    /** Any other transfer. */
    TRANSFER_OTHER,
    /** A fee the bank charges; no limits apply. */
    FEE;

    /** Whether the movement counts toward a class-II account's daily and yearly limits. */
    public boolean countsTowardClassLimits() {
        return this == CASH || this == TRANSFER_OTHER;
    }
}
