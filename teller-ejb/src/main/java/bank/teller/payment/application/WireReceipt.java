package bank.teller.payment.application;

import bank.teller.account.application.Receipt;

/** A wire sent: the payer's receipt (the debit, the fee, the voucher) and the wire with its reference. */
public record WireReceipt(Receipt receipt, WireView wire) {
}
