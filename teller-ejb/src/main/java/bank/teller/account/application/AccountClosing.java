package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.Movement;
import bank.teller.approval.application.Approvals;
import bank.teller.deposit.application.DemandInterest;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.JournalLine;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.RequestIds;
import bank.teller.shared.TellerException;
import bank.teller.shared.TransactionNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Closing an account (销户): refused while a hold or freeze is in force; otherwise the interest
 * not settled yet is posted to it ({@link DemandInterest#settleOnClosing}), then the whole
 * balance is paid out - in cash (Dr account / Cr till cash) or to another account of the bank -
 * and the account is CLOSED, in one transaction. Idempotent on the request id.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class AccountClosing {

    public static final String OPERATION = "ACCOUNT_CLOSING";
    private static final String NO_ENTRY = "-";

    @Inject
    private Accounts accounts;
    @Inject
    private Ledger ledger;
    @Inject
    private AccountPostings postings;
    @Inject
    private AccountMovements movements;
    @EJB
    private Vouchers vouchers;
    @EJB
    private Approvals approvals;
    @EJB
    private RequestIds requestIds;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private DemandInterest interest;
    @Inject
    private CurrentUser currentUser;

    /** @param payeeAccount where the balance goes; null or blank: paid out in cash */
    public ClosingResult close(String accountNumber, String payeeAccount, String requestId) {
        AccountNumber number = new AccountNumber(accountNumber);
        AccountNumber payee = payeeAccount == null || payeeAccount.isBlank() ? null : new AccountNumber(payeeAccount);
        if (number.equals(payee)) {
            throw new TellerException(ErrorCode.TRANSFER_TO_SAME_ACCOUNT, number.value());
        }
        String fingerprint = number + ">" + (payee == null ? "CASH" : payee.value());
        return requestIds.once(requestId, OPERATION, fingerprint, entryRef -> result(number, payee, entryRef),
                now -> result(number, payee, close(number, payee, requestId, fingerprint, now)),
                closed -> closed.entryId() == null ? NO_ENTRY : String.valueOf(closed.entryId()));
    }

    /** Pays out and closes; returns the payout entry's id, or NO_ENTRY when there was nothing to pay. */
    private String close(AccountNumber number, AccountNumber payee, String requestId, String fingerprint, Instant now) {
        LocalDate today = calendar.today();

        Map<AccountNumber, Account> locked = payee == null
                ? accounts.lockAllForPosting(number) : accounts.lockAllForPosting(number, payee);
        Account account = locked.get(number);
        account.requireDemand(); // a deposit is closed by its own withdrawal
        account.requireClosable(accounts.unreleasedRestrictionsOf(number), today);
        approvals.requireApproval(OPERATION, requestId, fingerprint, null, number.value(),
                TransactionNames.of(OPERATION) + " " + number);
        interest.settleOnClosing(account, currentUser.name());
        Money balance = account.balance();
        String entryRef = NO_ENTRY;
        if (balance.amount().signum() > 0) {
            account.requirePayOut(payee == null ? Movement.CASH : Movement.TRANSFER_OTHER);
            Money after = account.debit(balance, List.of(), today);
            PostingLine out = PostingLine.customer(account.glCode(), number.value(), Side.DEBIT, balance, after);
            PostingLine in = payee == null
                    ? PostingLine.gl(GlCodes.TILL_CASH, Side.CREDIT, balance)
                    : PostingLine.customer(locked.get(payee).glCode(), payee.value(), Side.CREDIT, balance,
                    movements.credit(locked.get(payee), balance, movements.transferBetween(account, locked.get(payee)),
                            requestId));
            JournalEntry entry = postings.postAsCaller(OPERATION, requestId, now, List.of(out, in));
            vouchers.issue(entry, number.value(), payee == null ? null : payee.value());
            entryRef = String.valueOf(entry.id());
        }
        account.close(List.of(), today);
        return entryRef;
    }

    private ClosingResult result(AccountNumber number, AccountNumber payee, String entryRef) {
        if (NO_ENTRY.equals(entryRef)) {
            return new ClosingResult(number.value(), "0.00", Money.CNY, payee == null ? null : payee.value(), null, null);
        }
        JournalEntry entry = ledger.entry(Long.parseLong(entryRef));
        JournalLine out = entry.lines().stream().filter(l -> number.value().equals(l.accountNumber())).findFirst()
                .orElseThrow();
        return new ClosingResult(number.value(), out.amount().toPlainString(), out.amount().currency(),
                payee == null ? null : payee.value(), entry.id(), vouchers.numberOf(entry.id()));
    }
}
