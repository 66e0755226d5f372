/**
 * Vouchers (凭证): the numbered paper record of a counter transaction that the customer confirms.
 */
package bank.teller.voucher.domain;
