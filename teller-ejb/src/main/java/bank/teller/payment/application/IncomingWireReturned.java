package bank.teller.payment.application;

import bank.teller.payment.domain.IncomingWire;

/**
 * A wire in that a supervisor returned to the remitting bank (退汇): fired in the return's
 * transaction, so the clearing system is told with its commit.
 */
public record IncomingWireReturned(IncomingWire wire, String reason) {
}
