package bank.teller.payment.application;

import bank.teller.account.application.AccountMovements;
import bank.teller.account.application.AccountPostings;
import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.Movement;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.domain.Customer;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.payment.domain.IncomingWire;
import bank.teller.payment.domain.IncomingWireStatus;
import bank.teller.payment.domain.SuspenseReason;
import bank.teller.platform.Branches;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.ProcessedRequest;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wires in from other banks (来账): each, once per clearing reference, is credited to the account it
 * names when the number and the holder's name match (Dr clearing 1011 / Cr the account); otherwise
 * (no such account, closed, frozen or dormant, another name, a credit the account refuses) it is held
 * in suspense (Dr 1011 / Cr 2251) with the reason. A supervisor then applies it to an account (Dr 2251
 * / Cr the account) or returns it to the remitting bank (Dr 2251 / Cr 1011, the clearing system told),
 * once: a replay of the same request answers the same, another request is refused.
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
public class IncomingWires {

    public static final String RECEIVED = "WIRE_IN";
    public static final String APPLIED = "WIRE_IN_APPLIED";
    public static final String RETURNED = "WIRE_IN_RETURNED";
    /** Where a wire in is booked when it names no account of the bank's: the head office. */
    static final String HEAD_OFFICE = "0000";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private Branches branches;
    @Inject
    private AccountMovements movements;
    @Inject
    private AccountPostings postings;
    @Inject
    private Ledger ledger;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AuditTrail audit;
    @Inject
    private Event<IncomingWireReturned> returns;
    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /**
     * Books a wire the clearing system says came in, once: a second message with its clearing
     * reference answers the first booking and posts nothing (it is only audited).
     */
    @PermitAll // the clearing system's inbound: only the incoming-wire listener calls it
    public IncomingWireView receive(IncomingWire.Arrival arrival) {
        Optional<IncomingWire> known = byClearingRef(arrival.clearingRef(), LockModeType.NONE);
        if (known.isPresent()) {
            audit.recordFor(ClearingAnswers.CLEARING_USER, "", known.get().branchCode(), RECEIVED, arrival.clearingRef(),
                    "repeated, nothing changed: " + known.get().status(), AuditEvent.SUCCESS);
            return IncomingWireView.of(known.get());
        }
        String requestId = "wire-in:" + arrival.clearingRef();
        Instant now = StoredTime.now(clock);
        Money amount = arrival.amount();
        Account named = null;
        Refusal refusal;
        try {
            Account found = accounts.require(accounts.resolve(arrival.payeeAccount()));
            if (branches.trainingAccount(found.number().value())) { // training's, not the bank's: never paid from outside
                throw new TellerException(ErrorCode.ACCOUNT_NOT_FOUND, found.number().value());
            }
            named = found;
            refusal = refusal(named, arrival.payeeName());
        } catch (TellerException unknown) { // no such account or card, or a card that cannot be used
            refusal = new Refusal(SuspenseReason.ACCOUNT_NOT_FOUND, unknown.code().name());
        }
        String branch = named == null ? HEAD_OFFICE : named.branchCode();
        PostingLine credit = null;
        if (refusal == null) {
            Account account = accounts.forCredit(named.number());
            try {
                credit = PostingLine.customer(account.glCode(), account.number().value(), Side.CREDIT, amount,
                        movements.credit(account, amount, Movement.TRANSFER_OTHER, requestId));
            } catch (TellerException refused) { // checked before anything changed: held in suspense instead
                refusal = new Refusal(SuspenseReason.CREDIT_REFUSED, refused.code().name());
            }
        }
        PostingLine toSuspense = PostingLine.gl(GlCodes.SUSPENSE, Side.CREDIT, amount);
        accounts.writeBalances();
        JournalEntry entry = ledger.post(JournalEntry.balanced(RECEIVED, calendar.today(), branch,
                ClearingAnswers.CLEARING_USER, requestId, now,
                List.of(PostingLine.gl(GlCodes.CLEARING, Side.DEBIT, amount), credit == null ? toSuspense : credit))
                .requestedBy(ClearingAnswers.CLEARING_USER, requestId));
        accounts.recordPendingCredits(entry);
        IncomingWire wire = refusal == null
                ? IncomingWire.credited(arrival, credit.accountNumber(), calendar.today(), branch, entry.id(), now)
                : IncomingWire.suspended(arrival, refusal.reason(), refusal.detail(), calendar.today(), branch,
                        entry.id(), now);
        em.persist(wire);
        audit.recordFor(ClearingAnswers.CLEARING_USER, "", branch, RECEIVED, arrival.clearingRef(),
                wire.status() + " " + amount.toPlainString() + " to " + arrival.payeeAccount() + ", entry " + entry.id()
                        + (refusal == null ? "" : ": " + refusal.reason() + " " + refusal.detail()), AuditEvent.SUCCESS);
        return IncomingWireView.of(wire);
    }

    private record Refusal(SuspenseReason reason, String detail) {
    }

    /** Why the account cannot take the wire as it is named, or null when it can. */
    private Refusal refusal(Account account, String payeeName) {
        if (account.status() == AccountStatus.CLOSED) {
            return new Refusal(SuspenseReason.ACCOUNT_CLOSED, "account " + account.number() + " is closed");
        }
        if (account.status() != AccountStatus.ACTIVE) {
            return new Refusal(SuspenseReason.ACCOUNT_NOT_ACTIVE, "account " + account.number() + " is "
                    + account.status());
        }
        String holder = em.find(Customer.class, account.customerId()).name();
        if (!IncomingWire.sameName(payeeName, holder)) {
            return new Refusal(SuspenseReason.NAME_MISMATCH, Text.abbreviated("named " + payeeName
                    + ", the account holder is " + holder, IncomingWire.NOTE_MAX));
        }
        return null;
    }

    /** The wires in held in suspense, the oldest first: a supervisor's work list. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<IncomingWireView> held() {
        return em.createQuery("SELECT w FROM IncomingWire w WHERE w.status = :held ORDER BY w.id", IncomingWire.class)
                .setParameter("held", IncomingWireStatus.SUSPENDED).setMaxResults(500).getResultList().stream()
                .map(IncomingWireView::of).toList();
    }

    /** The latest wires in, whatever became of them (at most {@code max}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<IncomingWireView> latest(int max) {
        return em.createQuery("SELECT w FROM IncomingWire w ORDER BY w.id DESC", IncomingWire.class)
                .setMaxResults(Math.max(1, Math.min(max, 200))).getResultList().stream()
                .map(IncomingWireView::of).toList();
    }

    /** A wire in by its clearing reference (INCOMING_WIRE_NOT_FOUND). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public IncomingWireView wire(String clearingRef) {
        return IncomingWireView.of(found(clearingRef, LockModeType.NONE));
    }

    /**
     * Applies a wire held in suspense to {@code account} (the one it named or the one the supervisor
     * found it meant), with a note of why; the account must take the credit like any other.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public IncomingWireView apply(String clearingRef, String account, String note, String requestId) {
        IncomingWire wire = found(clearingRef, LockModeType.PESSIMISTIC_WRITE);
        String why = Text.required("note", note, IncomingWire.NOTE_MAX);
        String request = ProcessedRequest.validId(requestId);
        String user = context.getCallerPrincipal().getName();
        if (wire.decidedBy(user, request)) {
            return IncomingWireView.of(wire);
        }
        Account credited = accounts.forCredit(accounts.resolve(Text.required("account", account, 19)));
        Money amount = wire.amount();
        Money after = movements.credit(credited, amount, Movement.TRANSFER_OTHER, request);
        JournalEntry entry = postings.postAsCaller(APPLIED, request, StoredTime.now(clock), List.of(
                PostingLine.gl(GlCodes.SUSPENSE, Side.DEBIT, amount),
                PostingLine.customer(credited.glCode(), credited.number().value(), Side.CREDIT, amount, after)));
        wire.applied(credited.number().value(), entry.id(), user, request, why, StoredTime.now(clock));
        audit.record(APPLIED, wire.clearingRef(), "to " + credited.number() + ", entry " + entry.id() + ": " + why,
                AuditEvent.SUCCESS);
        return IncomingWireView.of(wire);
    }

    /** Returns a wire held in suspense to the remitting bank (退汇), with the reason the clearing system passes on. */
    @RolesAllowed(Roles.SUPERVISOR)
    public IncomingWireView returnToSender(String clearingRef, String note, String requestId) {
        IncomingWire wire = found(clearingRef, LockModeType.PESSIMISTIC_WRITE);
        String why = Text.required("note", note, IncomingWire.NOTE_MAX);
        String request = ProcessedRequest.validId(requestId);
        String user = context.getCallerPrincipal().getName();
        if (wire.decidedBy(user, request)) {
            return IncomingWireView.of(wire);
        }
        Money amount = wire.amount();
        JournalEntry entry = postings.postAsCaller(RETURNED, request, StoredTime.now(clock), List.of(
                PostingLine.gl(GlCodes.SUSPENSE, Side.DEBIT, amount), PostingLine.gl(GlCodes.CLEARING, Side.CREDIT, amount)));
        wire.returned(entry.id(), user, request, why, StoredTime.now(clock));
        audit.record(RETURNED, wire.clearingRef(), "entry " + entry.id() + ": " + why, AuditEvent.SUCCESS);
        returns.fire(new IncomingWireReturned(wire, why));
        return IncomingWireView.of(wire);
    }

    /** The wire in, by its clearing reference as typed (INCOMING_WIRE_NOT_FOUND). */
    private IncomingWire found(String clearingRef, LockModeType lock) {
        return byClearingRef(clearingRef == null ? "" : clearingRef.strip(), lock)
                .orElseThrow(() -> new TellerException(ErrorCode.INCOMING_WIRE_NOT_FOUND, clearingRef));
    }

    private Optional<IncomingWire> byClearingRef(String clearingRef, LockModeType lock) {
        return em.createQuery("SELECT w FROM IncomingWire w WHERE w.clearingRef = :ref", IncomingWire.class)
                .setParameter("ref", clearingRef).setLockMode(lock).getResultStream().findFirst();
    }
}
