package bank.teller.deposit.domain;

import bank.teller.shared.Money;
import java.util.List;

/**
 * An interest slip (利息清单): the periods, rates, days and amounts of the interest paid on one
 * withdrawal, renewal or closing; the total is the sum of the lines, each rounded to the fen.
 */
public record InterestSlip(Money principal, List<InterestLine> lines) {

    public InterestSlip {
        lines = List.copyOf(lines);
    }

    public Money total() {
        return lines.stream().map(InterestLine::interest).reduce(Money.zero(principal.currency()), Money::plus);
    }
}
