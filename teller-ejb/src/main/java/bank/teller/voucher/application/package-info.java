/**
 * Voucher use cases: numbering a counter posting's voucher, printing it as PDF (original, then
 * copies), recording the customer's confirmation.
 */
package bank.teller.voucher.application;
