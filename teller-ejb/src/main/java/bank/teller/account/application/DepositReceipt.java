package bank.teller.account.application;

import java.time.Instant;
import java.time.LocalDate;

/** The result of a cash deposit; a replay of the same request returns the same receipt. */
public record DepositReceipt(long entryId, String accountNumber, String amount, String currency,
                             String balanceAfter, LocalDate businessDate, Instant postedAt,
                             String teller, String requestId) {
}
