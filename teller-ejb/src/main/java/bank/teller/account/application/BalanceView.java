package bank.teller.account.application;

/** An account's ledger balance (a two-decimal string) and status, as a multi-account inquiry answers it. */
public record BalanceView(String accountNumber, String currency, String balance, String status) {
}
