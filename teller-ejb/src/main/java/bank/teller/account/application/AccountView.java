package bank.teller.account.application;

import java.time.LocalDate;

/**
 * What callers see of an account. Amounts are two-decimal strings: the ledger balance, and what
 * is available after holds and freezes in force today.
 */
public record AccountView(String accountNumber, String holderName, String residentIdMasked,
                          String product, String status, String currency, String balance,
                          String availableBalance, String branchCode, LocalDate openedOn) {
}
