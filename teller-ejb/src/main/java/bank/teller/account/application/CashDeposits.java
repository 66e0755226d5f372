package bank.teller.account.application;

import bank.teller.shared.StoredTime;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.JournalLine;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Money;
import bank.teller.shared.ProcessedRequest;
import bank.teller.shared.RequestIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cash deposit (现金存款): Dr till cash / Cr the customer's account, the balance update and the
 * message to the core system in one JTA transaction. A replay of the same request id returns
 * the first receipt and posts nothing.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class CashDeposits {

    static final String OPERATION = "CASH_DEPOSIT";

    @EJB
    private Accounts accounts;
    @EJB
    private Ledger ledger;
    @EJB
    private RequestIds requestIds;
    @EJB
    private CurrentUser currentUser;
    @EJB
    private BusinessCalendar calendar;

    private final Clock clock = Clock.systemUTC();

    public DepositReceipt deposit(String accountNumber, String amountText, String currency, String requestId) {
        AccountNumber number = new AccountNumber(accountNumber);
        Money amount = Money.parse(amountText, currency).requirePositive();
        String fingerprint = number.value() + "|" + amount;
        Optional<ProcessedRequest> earlier = requestIds.earlier(requestId, OPERATION, fingerprint);
        if (earlier.isPresent()) {
            return receipt(ledger.entry(Long.parseLong(earlier.get().resultRef())), number);
        }
        Instant now = StoredTime.now(clock);
        ProcessedRequest reservation = requestIds.reserve(requestId, OPERATION, fingerprint, now);

        AppUser teller = currentUser.get();
        Account account = accounts.lockForPosting(number);
        Money balanceAfter = account.credit(amount);
        JournalEntry entry = ledger.post(JournalEntry.balanced(OPERATION, calendar.today(), teller.branchCode(),
                teller.username(), requestId, now, List.of(
                        PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, amount),
                        PostingLine.customer(account.glCode(), number.value(), Side.CREDIT, amount, balanceAfter))));
        reservation.completedWith(String.valueOf(entry.id()));
        return receipt(entry, number);
    }

    private static DepositReceipt receipt(JournalEntry entry, AccountNumber number) {
        JournalLine line = entry.lines().stream()
                .filter(l -> number.value().equals(l.accountNumber()))
                .findFirst().orElseThrow();
        return new DepositReceipt(entry.id(), number.value(), line.amount().toPlainString(),
                line.amount().currency(), line.balanceAfter().toPlainString(), entry.businessDate(),
                entry.postedAt(), entry.teller(), entry.requestId());
    }
}
