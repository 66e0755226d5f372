package bank.teller.ledger.domain;

import bank.teller.shared.Money;

/**
 * A line to be posted. {@code accountNumber} and {@code balanceAfter} are set for lines on a
 * customer account (the subledger), null for pure GL lines such as till cash.
 */
public record PostingLine(String glCode, String accountNumber, Side side, Money amount, Money balanceAfter) {

    public static PostingLine gl(String glCode, Side side, Money amount) {
        return new PostingLine(glCode, null, side, amount, null);
    }

    public static PostingLine customer(String glCode, String accountNumber, Side side, Money amount,
                                       Money balanceAfter) {
        return new PostingLine(glCode, accountNumber, side, amount, balanceAfter);
    }
}
