package bank.teller.account.application;

import java.time.LocalDate;

/** What callers see of an account. Amounts are two-decimal strings. */
public record AccountView(String accountNumber, String holderName, String residentIdMasked,
                          String product, String status, String currency, String balance,
                          String branchCode, LocalDate openedOn) {
}
