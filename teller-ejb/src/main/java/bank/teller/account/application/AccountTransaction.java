package bank.teller.account.application;

import java.time.Instant;
import java.time.LocalDate;

/** One posting on an account, as listed on the account screen and in the API. */
public record AccountTransaction(long entryId, LocalDate businessDate, Instant postedAt, String type,
                                 String side, String amount, String currency, String balanceAfter,
                                 String teller) {
}
