package bank.teller.account.application;

import bank.teller.approval.application.Approvals;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.fee.application.Fees;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.security.Caller;
import bank.teller.security.CurrentUser;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.RequestIds;
import bank.teller.till.application.Tills;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The one way a use case posts to customer accounts, inside its transaction: a replayed request id
 * gets the first receipt and changes nothing; otherwise the id is reserved, the accounts are locked
 * and changed by the use case's {@link Lines}, their balanced journal entry is posted, and last the
 * voucher is numbered.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AccountPostings {

    /** Locks and changes the accounts, and says which journal lines explain the change. */
    @FunctionalInterface
    public interface Lines {
        List<PostingLine> apply();
    }

    @EJB
    private Ledger ledger;
    @EJB
    private RequestIds requestIds;
    @EJB
    private CurrentUser currentUser;
    @EJB
    private BusinessCalendar calendar;
    @EJB
    private Vouchers vouchers;
    @EJB
    private Tills tills;
    @EJB
    private AuditTrail audit;
    @EJB
    private Fees fees;
    @EJB
    private Approvals approvals;

    /**
     * @param fingerprint what makes the request the same request (accounts and amount), so a request
     *                    id reused for another request is refused
     * @param receiptFor  the account whose customer gets the receipt
     * @param counterparty the other account, if any
     */
    public Receipt post(String operation, String requestId, String fingerprint, String receiptFor,
                        String counterparty, Lines lines) {
        return post(operation, requestId, fingerprint, receiptFor, counterparty, lines, UnaryOperator.identity());
    }

    /** The same, with {@code decorate} marking the entry before it is posted (a reversal names its original). */
    public Receipt post(String operation, String requestId, String fingerprint, String receiptFor,
                        String counterparty, Lines lines, UnaryOperator<JournalEntry> decorate) {
        return requestIds.once(requestId, operation, fingerprint,
                entryId -> Receipt.of(ledger.entry(Long.parseLong(entryId)), receiptFor, counterparty,
                        vouchers.numberOf(Long.parseLong(entryId))),
                now -> {
                    readBeforeLocking(operation);
                    JournalEntry entry = postAsCaller(operation, requestId, now, lines.apply(), decorate);
                    return Receipt.of(entry, receiptFor, counterparty, vouchers.issue(entry, receiptFor, counterparty));
                },
                receipt -> String.valueOf(receipt.entryId()));
    }

    /**
     * What the posting will read that needs no lock (the teller, the business date, the fee
     * schedule, the approval policy and the role limits), read now, before the use case
     * locks its accounts, and kept for the transaction: a busy account's lock is then not held
     * while they are read (bench/NOTES.md, the hot account).
     */
    private void readBeforeLocking(String operation) {
        currentUser.caller();
        calendar.today();
        fees.prefetch(operation);
        approvals.prefetch(operation);
    }

    /**
     * Posts the balanced entry of {@code lines}, booked by the calling teller at their branch on
     * today's business date; till cash goes through the teller's open till. For use cases whose
     * idempotency is already in hand (inside {@link RequestIds#once}).
     */
    public JournalEntry postAsCaller(String operation, String requestId, Instant now, List<PostingLine> lines) {
        return postAsCaller(operation, requestId, now, lines, UnaryOperator.identity());
    }

    private JournalEntry postAsCaller(String operation, String requestId, Instant now, List<PostingLine> lines,
                                      UnaryOperator<JournalEntry> decorate) {
        Caller teller = currentUser.caller();
        JournalEntry entry = ledger.post(decorate.apply(JournalEntry.balanced(operation, calendar.today(),
                teller.branchCode(), teller.username(), requestId, now, lines).throughTill(tills.sessionFor(lines))));
        audit.record(operation, lines.stream().map(PostingLine::accountNumber).filter(Objects::nonNull).findFirst()
                .orElse(null), "entry " + entry.id() + ": " + lines.stream().map(line -> line.side() + " "
                + (line.accountNumber() == null ? "GL " + line.glCode() : line.accountNumber()) + " " + line.amount())
                .collect(Collectors.joining("; ")), AuditEvent.SUCCESS);
        return entry;
    }
}
