package bank.teller.deposit.application;

/**
 * What a deposit transaction did, for the customer's voucher and the screen: the entry and its
 * voucher (none when it posted nothing), the event in the deposit's history, the principal it moved
 * (a renewal: the principal renewed), the interest and the interest slip (a withdrawal, a renewal),
 * what was paid out in all, the certificate the customer holds after it (none once closed), and the deposit.
 */
public record DepositReceipt(String operation, String accountNumber, Long entryId, Long eventId, String voucherNo,
                             String amount,
                             String interest, String paidOut, String currency, String certificateNo, SlipView slip,
                             DepositView deposit) {
}
