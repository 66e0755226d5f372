package bank.teller.account.application;

import bank.teller.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * An account statement (对账单) for a period of business dates: the balance before it, every
 * posting in it with the balance after, the totals and the closing balance. It is built only if
 * the arithmetic holds line by line (opening ± each amount = that line's balance after), so a
 * statement can never print figures that do not add up. A hot account's statement with pending
 * credits in it (lines with no balance after: folded in later, in the order they committed, not
 * the order of their entries) cannot be checked line by line: its figures are the postings' sums.
 */
public record Statement(AccountView account, LocalDate from, LocalDate to, String openingBalance,
                        List<AccountTransaction> lines, int debitCount, String totalDebits, int creditCount,
                        String totalCredits, String closingBalance, String currency) {

    static Statement of(AccountView account, LocalDate from, LocalDate to, Money opening,
                        List<AccountTransaction> lines) {
        String currency = opening.currency();
        Money running = opening;
        Money debits = Money.zero(currency);
        Money credits = Money.zero(currency);
        int debitCount = 0;
        boolean lineByLine = lines.stream().allMatch(line -> line.balanceAfter() != null);
        for (AccountTransaction line : lines) {
            Money amount = Money.parse(line.amount(), currency);
            boolean debit = "DEBIT".equals(line.side());
            running = debit ? running.minus(amount) : running.plus(amount);
            if (debit) {
                debits = debits.plus(amount);
                debitCount++;
            } else {
                credits = credits.plus(amount);
            }
            if (lineByLine && !running.equals(Money.parse(line.balanceAfter(), currency))) {
                throw new IllegalStateException("account " + account.accountNumber() + ": entry " + line.entryId()
                        + " says the balance after is " + line.balanceAfter() + ", the postings give " + running);
            }
        }
        return new Statement(account, from, to, opening.toPlainString(), List.copyOf(lines), debitCount,
                debits.toPlainString(), lines.size() - debitCount, credits.toPlainString(), running.toPlainString(),
                currency);
    }
}
