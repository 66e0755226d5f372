package bank.teller.payment.application;

import bank.teller.payment.domain.Wire;

/**
 * A wire rejected by clearing or returned by the payee's bank, its money back with the payer: fired
 * in the transaction of the answer, so that whoever sent it (a channel) is told with that commit.
 */
public record WireRefunded(Wire wire, String reason) {
}
