package bank.teller.account.application;

import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.JournalLine;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The result of a posting as the customer's voucher shows it: the entry, the account it is read
 * for (with its balance after), the other account of a transfer. A replay of the same request
 * returns the same receipt.
 */
public record Receipt(long entryId, String type, String accountNumber, String counterpartyAccountNumber,
                      String amount, String currency, String balanceAfter, LocalDate businessDate,
                      Instant postedAt, String teller, String requestId) {

    /** The receipt of {@code entry} for the customer of {@code accountNumber}. */
    static Receipt of(JournalEntry entry, String accountNumber, String counterpartyAccountNumber) {
        JournalLine line = entry.lines().stream()
                .filter(l -> accountNumber.equals(l.accountNumber()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("entry " + entry.id() + " has no line for " + accountNumber));
        return new Receipt(entry.id(), entry.type(), accountNumber, counterpartyAccountNumber,
                line.amount().toPlainString(), line.amount().currency(), line.balanceAfter().toPlainString(),
                entry.businessDate(), entry.postedAt(), entry.teller(), entry.requestId());
    }
}
