package bank.teller.account.application;

import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.JournalLine;
import bank.teller.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of a posting as the customer's voucher shows it: the entry, the account it is read
 * for (the amount, the fee charged and its balance after everything), the other account of a
 * transfer, the voucher's number (none for postings by systems). A replay of the same request
 * returns the same receipt.
 */
public record Receipt(long entryId, String type, String accountNumber, String counterpartyAccountNumber,
                      String amount, String fee, String currency, String balanceAfter, LocalDate businessDate,
                      Instant postedAt, String teller, String requestId, String voucherNo) {

    /** The receipt of {@code entry} for the customer of {@code accountNumber}. */
    static Receipt of(JournalEntry entry, String accountNumber, String counterpartyAccountNumber, String voucherNo) {
        List<JournalLine> own = entry.lines().stream().filter(l -> accountNumber.equals(l.accountNumber())).toList();
        List<JournalLine> fees = entry.lines().stream().filter(l -> GlCodes.FEE_INCOME.equals(l.glCode())).toList();
        if (own.isEmpty() && !fees.isEmpty()) {
            // a fee paid in cash for a service to the account (a certificate's loss report): nothing moves on it
            Money fee = fees.stream().map(JournalLine::amount).reduce(Money::plus).orElseThrow();
            return new Receipt(entry.id(), entry.type(), accountNumber, counterpartyAccountNumber,
                    Money.zero(fee.currency()).toPlainString(), fee.toPlainString(), fee.currency(), null,
                    entry.businessDate(), entry.postedAt(), entry.teller(), entry.requestId(), voucherNo);
        }
        if (own.isEmpty()) {
            throw new IllegalStateException("entry " + entry.id() + " has no line for " + accountNumber);
        }
        JournalLine main = own.get(0);
        Money zero = Money.zero(main.amount().currency());
        Money fee = fees.stream().map(JournalLine::amount).reduce(zero, Money::plus);
        Money charged = own.stream().map(JournalLine::amount).reduce(zero, Money::plus);
        // an entry that only charges a fee (a card replacement) moves no amount besides it
        Money amount = charged.equals(fee) && own.size() == 1 ? zero : main.amount();
        return new Receipt(entry.id(), entry.type(), accountNumber, counterpartyAccountNumber,
                amount.toPlainString(), fee.toPlainString(), main.amount().currency(),
                balanceAfter(own.get(own.size() - 1)), entry.businessDate(), entry.postedAt(),
                entry.teller(), entry.requestId(), voucherNo);
    }

    /** The balance after the line, or null for a credit to a hot account (pending, in the balance within a second). */
    private static String balanceAfter(JournalLine line) {
        return line.balanceAfter() == null ? null : line.balanceAfter().toPlainString();
    }
}
