package bank.teller.account.application;

/**
 * A closed account: what was paid out (two decimals) and how - in cash, or to the payee account -
 * with the journal entry of the payout and its voucher (both null when the balance was already zero).
 */
public record ClosingResult(String accountNumber, String paidOut, String currency, String payeeAccountNumber,
                            Long entryId, String voucherNo) {
}
