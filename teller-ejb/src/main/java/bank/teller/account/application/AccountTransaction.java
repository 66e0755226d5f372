package bank.teller.account.application;

import java.time.Instant;
import java.time.LocalDate;

/** One posting on an account, as listed on the account screen and in the API. */
public record AccountTransaction(long entryId, LocalDate businessDate, Instant postedAt, String type,
                                 String side, String amount, String currency, String balanceAfter,
                                 String teller) {

    /** The page size used for a requested page of transactions: 1 to {@link AccountQueries#MAX_PAGE_SIZE}. */
    public static int pageSize(int requested) {
        return Math.max(1, Math.min(requested, AccountQueries.MAX_PAGE_SIZE));
    }
}
