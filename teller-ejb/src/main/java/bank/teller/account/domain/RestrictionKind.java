package bank.teller.account.domain;

/** What stops money leaving an account. */
public enum RestrictionKind {
    /** A hold (止付/预留) of an amount, with an expiry: placed by the bank, released or expired. */
    HOLD,
    /** A judicial freeze of an amount (部分冻结): by court order, with its reference. */
    FREEZE_AMOUNT,
    /** A judicial freeze of the whole account (全额冻结, 只收不付): credits are still taken. */
    FREEZE_ALL
}
