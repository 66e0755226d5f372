package bank.teller.account.application;

import bank.teller.approval.application.Approvals;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.fee.application.Fees;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.platform.Jdbc;
import bank.teller.security.Caller;
import bank.teller.security.CurrentUser;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.StoredTime;
import bank.teller.till.application.Tills;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Posts to customer accounts inside a transaction already begun: a request's posting (for {@link
 * PostingRequests}, which begins it and makes the request happen once) and the entry of a use case
 * whose idempotency is already in hand ({@link #postAsCaller}). The accounts are locked and changed
 * by the use case's {@link PostingRequests.Lines}, their balanced journal entry is posted, and last
 * the voucher is numbered. A request's writes (balances, entry, lines, outbox row, pending credits,
 * audit record, voucher) go to the database together, as one statement on PostgreSQL ({@link
 * Jdbc#together}, issue 14).
 */
@ApplicationScoped
public class AccountPostings {

    /** A request to post: what it is, its id, what makes it that request, and who gets the receipt. */
    public record Request(String operation, String requestId, String fingerprint, String receiptFor,
                          String counterparty) {
    }

    @Inject
    private Ledger ledger;
    @Inject
    private Accounts accounts;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private Jdbc jdbc;
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

    private final Clock clock = Clock.systemUTC();

    /**
     * Posts {@code request} as its {@code caller}: the journal entry is the request's record, unique
     * for the caller's request id (a second posting of it fails at the entry's insert).
     */
    public Receipt post(Request request, String caller, PostingRequests.Lines lines,
                        UnaryOperator<JournalEntry> decorate) {
        readBeforeLocking(request.operation());
        List<PostingLine> decided = lines.apply();
        Instant now = StoredTime.now(clock);
        LocalDate today = calendar.today();
        Posted posted;
        try {
            posted = jdbc.together(() -> {
                JournalEntry entry = postAsCaller(request.operation(), request.requestId(), now, decided,
                        e -> decorate.apply(e).requestedBy(caller, request.fingerprint()));
                return new Posted(entry, vouchers.issue(entry, request.receiptFor(), request.counterparty()));
            });
        } catch (RuntimeException failed) {
            throw calendar.postingRefused(failed, today);
        }
        return Receipt.of(posted.entry(), request.receiptFor(), request.counterparty(), posted.voucher().get());
    }

    /** A posted entry and its voucher's number, known once the posting's writes have been sent. */
    private record Posted(JournalEntry entry, Supplier<String> voucher) {
    }

    /** The receipt of an entry posted before, for a replay of its request. */
    public Receipt receiptOf(Request request, long entryId) {
        return Receipt.of(ledger.entry(entryId), request.receiptFor(), request.counterparty(),
                vouchers.numberOf(entryId));
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
     * idempotency is already in hand (inside {@link bank.teller.shared.RequestIds#once}).
     */
    public JournalEntry postAsCaller(String operation, String requestId, Instant now, List<PostingLine> lines) {
        return postAsCaller(operation, requestId, now, lines, UnaryOperator.identity());
    }

    private JournalEntry postAsCaller(String operation, String requestId, Instant now, List<PostingLine> lines,
                                      UnaryOperator<JournalEntry> decorate) {
        Caller teller = currentUser.caller();
        Long tillSession = tills.sessionFor(lines); // a locking read, before the writes
        accounts.writeBalances();
        JournalEntry entry = ledger.post(decorate.apply(JournalEntry.balanced(operation, calendar.today(),
                teller.branchCode(), teller.username(), requestId, now, lines).throughTill(tillSession)));
        accounts.recordPendingCredits(entry);
        audit.record(operation, lines.stream().map(PostingLine::accountNumber).filter(Objects::nonNull).findFirst()
                .orElse(null), "entry " + entry.id() + ": " + lines.stream().map(line -> line.side() + " "
                + (line.accountNumber() == null ? "GL " + line.glCode() : line.accountNumber()) + " " + line.amount())
                .collect(Collectors.joining("; ")), AuditEvent.SUCCESS);
        return entry;
    }
}
