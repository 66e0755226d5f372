package bank.teller.payment.domain;

/** Why a wire in was held in suspense (挂账) rather than credited to the account it names. */
public enum SuspenseReason {
    /** No account of Teller's has the number. */
    ACCOUNT_NOT_FOUND,
    /** The account is closed. */
    ACCOUNT_CLOSED,
    /** The account is frozen or dormant: not active. */
    ACCOUNT_NOT_ACTIVE,
    /** The name on the wire is not the account holder's. */
    NAME_MISMATCH,
    /** The account takes no such credit (a time deposit, a class-III cap, a temporary account expired). */
    CREDIT_REFUSED
}
