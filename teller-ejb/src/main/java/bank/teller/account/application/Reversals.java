package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.approval.application.Approvals;
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
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.shared.TransactionNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reversal (冲正) of a customer posting of the same business day: a mirror entry naming the original,
 * every customer account changed back under the usual rules (a reversed deposit must still be
 * there), with a supervisor's approval always, and for a cash posting by a teller other than the
 * one who posted it. A reversal is never reversed, an entry is reversed once, and an earlier day's
 * entry needs an adjustment instead. A time or notice deposit's entries are not reversed here: its
 * terms, certificate and interest slip went with them (the same day, the deposit is closed instead).
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class Reversals {

    public static final String OPERATION = "REVERSAL";
    public static final int REASON_MAX = 200;
    static final String NOT_DISPENSED = "terminal: cash not dispensed";

    @Inject
    private Ledger ledger;
    @Inject
    private Accounts accounts;
    @EJB
    private PostingRequests postings;
    @EJB
    private Approvals approvals;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;

    public Receipt reverse(long entryId, String reason, String requestId) {
        return reverse(entryId, Text.required("reason", reason, REASON_MAX), requestId, false);
    }

    /**
     * A self-service terminal's own cash withdrawal of today that it reports it did not dispense: the
     * cash is still in its box, so the entry is reversed at once — no supervisor, the machine's report
     * being the evidence (the reversal names it) — by the terminal that posted it only.
     */
    @RolesAllowed(Roles.TERMINAL)
    public Receipt reverseNotDispensed(long entryId, String requestId) {
        JournalEntry original = ledger.entry(entryId);
        if (original == null || !CashWithdrawals.OPERATION.equals(original.type())
                || !original.teller().equals(currentUser.get().username())) {
            throw new TellerException(ErrorCode.REVERSAL_NOT_ALLOWED, entryId, original == null ? null : original.type());
        }
        return reverse(entryId, NOT_DISPENSED, requestId, true);
    }

    private Receipt reverse(long entryId, String why, String requestId, boolean notDispensed) {
        JournalEntry original = ledger.entry(entryId);
        if (original == null) {
            throw new TellerException(ErrorCode.ENTRY_NOT_FOUND, entryId);
        }
        List<JournalLine> customerLines = original.lines().stream().filter(l -> l.accountNumber() != null).toList();
        if (customerLines.isEmpty()) {
            throw new TellerException(ErrorCode.REVERSAL_NOT_ALLOWED, entryId, original.type());
        }
        customerLines.stream().map(l -> accounts.require(new AccountNumber(l.accountNumber())))
                .filter(a -> a.type().isTerm()).findFirst().ifPresent(deposit -> {
                    throw new TellerException(ErrorCode.REVERSAL_OF_DEPOSIT, entryId, original.type(),
                            deposit.number().value());
                });
        String receiptFor = customerLines.get(0).accountNumber();
        String counterparty = customerLines.stream().map(JournalLine::accountNumber).filter(a -> !a.equals(receiptFor))
                .findFirst().orElse(null);
        String fingerprint = "REVERSE|" + entryId;
        return postings.post(OPERATION, requestId, fingerprint, receiptFor, counterparty, () -> {
            LocalDate today = calendar.today();
            if (original.reversesEntry() != null) {
                throw new TellerException(ErrorCode.REVERSAL_OF_REVERSAL, entryId);
            }
            if (!original.businessDate().equals(today)) {
                throw new TellerException(ErrorCode.REVERSAL_NOT_SAME_DAY, entryId, original.businessDate());
            }
            Long reversedBy = ledger.reversalOf(entryId);
            if (reversedBy != null) {
                throw new TellerException(ErrorCode.REVERSAL_ALREADY, entryId, reversedBy);
            }
            boolean cash = original.lines().stream().anyMatch(l -> GlCodes.TILL_CASH.equals(l.glCode()));
            if (cash && !notDispensed && original.teller().equals(currentUser.get().username())) {
                throw new TellerException(ErrorCode.REVERSAL_SAME_TELLER, entryId, original.teller());
            }
            Map<AccountNumber, Account> locked = accounts.lockAllForPosting(customerLines.stream()
                    .map(l -> new AccountNumber(l.accountNumber())).distinct().toArray(AccountNumber[]::new));
            List<PostingLine> mirror = new ArrayList<>();
            for (JournalLine line : original.lines()) {
                Side side = line.side() == Side.DEBIT ? Side.CREDIT : Side.DEBIT;
                if (line.accountNumber() == null) {
                    mirror.add(PostingLine.gl(line.glCode(), side, line.amount()));
                    continue;
                }
                AccountNumber number = new AccountNumber(line.accountNumber());
                Account account = locked.get(number);
                mirror.add(PostingLine.customer(line.glCode(), number.value(), side, line.amount(), side == Side.DEBIT
                        ? account.debit(line.amount(), accounts.unreleasedRestrictionsOf(number), today)
                        : account.credit(line.amount())));
            }
            if (!notDispensed) {
                approvals.requireApproval(OPERATION, requestId, fingerprint, customerLines.get(0).amount(), receiptFor,
                        TransactionNames.of(OPERATION) + " " + TransactionNames.of(original.type()) + " #" + entryId
                                + " " + customerLines.get(0).amount() + " " + receiptFor);
            }
            return mirror;
        }, entry -> entry.reverses(entryId, why));
    }
}
