package bank.teller.deposit.application;

/**
 * What a deposit transaction did, for the customer's voucher and the screen: the entry and its
 * voucher, the principal it moved, the interest and the interest slip (on a withdrawal), what was
 * paid out in all, the certificate the customer holds after it (none once closed), and the deposit.
 */
public record DepositReceipt(String operation, String accountNumber, Long entryId, String voucherNo, String amount,
                             String interest, String paidOut, String currency, String certificateNo, SlipView slip,
                             DepositView deposit) {
}
