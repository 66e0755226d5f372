package bank.teller.account.application;

import java.time.LocalDate;

/**
 * What callers see of an account. Amounts are two-decimal strings: the ledger balance, and what
 * is available after holds and freezes in force today. The holder's ID number is masked for
 * individuals.
 */
public record AccountView(String accountNumber, long customerId, String holderName, String customerType,
                          String idNumberMasked, String accountType, String product, String status, String currency,
                          String balance, String availableBalance, String branchCode, LocalDate openedOn,
                          LocalDate expiresOn, String boundAccount) {
}
