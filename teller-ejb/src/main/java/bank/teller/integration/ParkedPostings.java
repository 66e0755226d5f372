package bank.teller.integration;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Core postings the relay set aside (停发的核心记账): the outbox entries it could not send while
 * others went through, with the reason, beside the dead letters for a supervisor, who sends one
 * again once whatever stopped it is mended (audited, with a note). Auditors look only.
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
public class ParkedPostings {

    static final int MAX_LISTED = 500;

    /** A parked entry as the operator sees it. */
    public record ParkedPostingView(long entryId, Instant postedAt, Instant parkedAt, int attempts, String reason) {
        static ParkedPostingView of(CoreOutbox row) {
            return new ParkedPostingView(row.entryId(), row.createdAt(), row.parkedAt(), row.attempts(), row.lastError());
        }
    }

    /** How many entries wait in the outbox to be sent, and how many of them are set aside. */
    public record OutboxDepth(long pending, long parked) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    public OutboxDepth depth() {
        Object[] counts = em.createQuery("SELECT COUNT(o), SUM(CASE WHEN o.parkedAt IS NULL THEN 0 ELSE 1 END) "
                + "FROM CoreOutbox o", Object[].class).getSingleResult();
        long all = ((Number) counts[0]).longValue();
        long parked = counts[1] == null ? 0 : ((Number) counts[1]).longValue();
        return new OutboxDepth(all - parked, parked);
    }

    /** Up to 500 parked entries, oldest first. */
    public List<ParkedPostingView> list() {
        return em.createQuery("SELECT o FROM CoreOutbox o WHERE o.parkedAt IS NOT NULL ORDER BY o.entryId",
                        CoreOutbox.class)
                .setMaxResults(MAX_LISTED).getResultStream().map(ParkedPostingView::of).toList();
    }

    /** Puts a parked entry back in line; the relay sends it at its next run. */
    @RolesAllowed(Roles.SUPERVISOR)
    public ParkedPostingView resend(long entryId, String note) {
        String why = Text.required("note", note, 500);
        CoreOutbox row = em.find(CoreOutbox.class, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !row.parked()) {
            throw new TellerException(ErrorCode.PARKED_POSTING_NOT_FOUND, entryId);
        }
        ParkedPostingView before = ParkedPostingView.of(row);
        row.unpark();
        audit.record("PARKED_POSTING_RESENT", "entry:" + entryId, "note: " + why + "; reason was: " + before.reason()
                + "; attempts: " + before.attempts(), AuditEvent.SUCCESS);
        return before;
    }
}
