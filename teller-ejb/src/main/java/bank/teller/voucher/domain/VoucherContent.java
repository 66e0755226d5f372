package bank.teller.voucher.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a voucher shows: the bank and branch, the posting (type, date and time, amount, fee,
 * balance after), the accounts (masked) and holders, the teller, and its state (prints so far,
 * the customer's confirmation, the reversal that undid the posting, if any). Amounts are
 * two-decimal strings.
 */
public record VoucherContent(String voucherNo, String transactionType, String branchCode, String branchNameZh,
                             String branchNameEn, LocalDate businessDate, Instant postedAt, long entryId,
                             String accountMasked, String holderName, String counterpartyMasked,
                             String counterpartyName, String amount, String fee, String currency,
                             String balanceAfter, String teller, String tellerName, int printCount,
                             String confirmedBy, Instant confirmedAt, Long reversedByEntry, boolean training) {

    /** An account number as a voucher prints it: the first six and the last four digits. */
    public static String maskAccount(String accountNumber) {
        if (accountNumber == null) {
            return null;
        }
        return accountNumber.substring(0, 6) + "*".repeat(accountNumber.length() - 10)
                + accountNumber.substring(accountNumber.length() - 4);
    }
}
