package bank.teller.deposit.domain;

/** What a time deposit does at maturity (自动转存), chosen at opening. */
public enum Renewal {
    /** Nothing: the money waits for the customer and earns the demand rate for the overdue days. */
    NONE,
    /** The principal is deposited again for the same term; the interest is paid to the customer's demand account. */
    PRINCIPAL,
    /** Principal and interest are deposited again for the same term. */
    PRINCIPAL_AND_INTEREST;

    /** As printed documents show it, in Chinese and English. */
    public String printedName() {
        return switch (this) {
            case NONE -> "不转存 No renewal";
            case PRINCIPAL -> "本金转存 Principal renewed";
            case PRINCIPAL_AND_INTEREST -> "本息转存 Principal and interest renewed";
        };
    }
}
