package bank.teller.fee.domain;

/** How a fee rule turns an amount into a fee. */
public enum FeeMethod {
    /** The same fee whatever the amount. */
    FIXED,
    /** A rate of the amount, rounded half-up to the fen, kept within a minimum and a maximum. */
    PERCENT,
    /** The fee of the first tier whose upper bound covers the amount. */
    TIERED
}
