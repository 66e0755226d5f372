package bank.teller.payment.application;

import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.fee.application.Fees;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.payment.domain.Wire;
import bank.teller.payment.domain.WireEvent;
import bank.teller.payment.domain.WireStatus;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import bank.teller.shared.Text;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The clearing system's answers to the wires sent (the clearing listener's use case): each moves its
 * wire on, once, under the wire's row lock. SETTLED posts Dr 汇出汇款在途 / Cr clearing (1011);
 * REJECTED gives the payer the amount back out of 在途, RETURNED (退汇, after settlement) out of
 * clearing; the fee comes back from fee income as the schedule's refund rules say (fee_refund_rule:
 * refunded when rejected, kept when returned). A payer account closed
 * since has its money held in suspense (2251). A duplicate or late answer changes nothing; one that
 * contradicts an earlier answer changes nothing either and is recorded and reported for someone to
 * look into. Every answer is kept in the wire's progress; a refund is announced ({@link WireRefunded}).
 */
@Stateless
@PermitAll // the clearing system's inbound: only the clearing listener calls it
public class ClearingAnswers {

    /** Who posts what the clearing system's answers move, on the journal. */
    public static final String CLEARING_USER = "clearing";
    private static final Logger LOG = Logger.getLogger(ClearingAnswers.class.getName());

    /** What the clearing system said about a wire. */
    public record Answer(String reference, WireStatus status, String clearingRef, String reason) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private Ledger ledger;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AuditTrail audit;
    @Inject
    private Event<WireRefunded> refunds;
    @EJB
    private Fees fees;

    private final Clock clock = Clock.systemUTC();

    /** Applies the answer; answers what it did to the wire, or empty when no wire has its reference. */
    public Optional<WireStatus.Change> apply(Answer answer) {
        Wire wire = em.createQuery("SELECT w FROM Wire w WHERE w.reference = :reference", Wire.class)
                .setParameter("reference", answer.reference()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (wire == null) {
            return Optional.empty();
        }
        Instant now = StoredTime.now(clock);
        WireStatus before = wire.status();
        WireStatus.Change change = wire.answered(answer.status(), answer.clearingRef(), now);
        Long entryId = null;
        String reason = answer.reason() == null ? null : Text.abbreviated(answer.reason(), 120);
        String detail;
        switch (change) {
            case MOVES -> {
                entryId = post(wire, answer.status());
                detail = reason;
                if (wire.status().refunded()) {
                    refunds.fire(new WireRefunded(wire, reason));
                }
            }
            case REPEATED -> detail = "repeated answer, nothing changed";
            default -> {
                detail = "contradicts " + before + ", nothing changed: to be looked into";
                LOG.warning("wire " + wire.reference() + ": clearing answered " + answer.status() + " while it is "
                        + before + " (" + answer.clearingRef() + "); nothing changed");
            }
        }
        em.persist(new WireEvent(wire.id(), answer.status(), answer.clearingRef(),
                detail == null ? null : Text.abbreviated(detail, WireEvent.DETAIL_MAX), entryId, now));
        // the clearing system's doing, in its name (the listener has no user of its own)
        String result = change == WireStatus.Change.CONFLICT ? AuditEvent.refused("WIRE_ANSWER_CONFLICT")
                : AuditEvent.SUCCESS;
        audit.recordFor(CLEARING_USER, "", wire.branchCode(), "WIRE_" + answer.status(), wire.reference(),
                change + (entryId == null ? "" : ", entry " + entryId) + (detail == null ? "" : ": " + detail), result);
        return Optional.of(change);
    }

    /** The entry of the wire's move to {@code status}, if it moves money; its id. */
    private Long post(Wire wire, WireStatus status) {
        Money amount = wire.amount();
        List<PostingLine> lines = new ArrayList<>();
        switch (status) {
            case SETTLED -> {
                lines.add(PostingLine.gl(GlCodes.WIRES_IN_TRANSIT, Side.DEBIT, amount));
                lines.add(PostingLine.gl(GlCodes.CLEARING, Side.CREDIT, amount));
            }
            case REJECTED, RETURNED -> {
                // rejected, the money is still in transit; returned, clearing settled it and brings it back
                lines.add(PostingLine.gl(status == WireStatus.REJECTED ? GlCodes.WIRES_IN_TRANSIT : GlCodes.CLEARING,
                        Side.DEBIT, amount));
                Money back = amount;
                if (!wire.fee().isZero() && fees.refundsFee(Wires.OPERATION, status.name())) {
                    lines.add(PostingLine.gl(GlCodes.FEE_INCOME, Side.DEBIT, wire.fee()));
                    back = amount.plus(wire.fee());
                }
                lines.add(toPayer(wire, back));
            }
            default -> {
                return null;
            }
        }
        String requestId = "wire:" + wire.reference() + ":" + status;
        JournalEntry entry = ledger.post(JournalEntry.balanced("WIRE_" + status, calendar.today(), wire.branchCode(),
                CLEARING_USER, requestId, StoredTime.now(clock), lines).requestedBy(CLEARING_USER, requestId));
        return entry.id();
    }

    /** The payer's credit of what comes back, or the suspense account's when the payer's account is closed. */
    private PostingLine toPayer(Wire wire, Money back) {
        Account payer = accounts.lockForPosting(new AccountNumber(wire.payerAccount()));
        if (payer.status() == AccountStatus.CLOSED) {
            return PostingLine.gl(GlCodes.SUSPENSE, Side.CREDIT, back);
        }
        return PostingLine.customer(payer.glCode(), wire.payerAccount(), Side.CREDIT, back, payer.creditReturned(back));
    }
}
