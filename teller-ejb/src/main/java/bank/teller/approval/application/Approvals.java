package bank.teller.approval.application;

import bank.teller.approval.domain.ApprovalPolicy;
import bank.teller.approval.domain.ApprovalRequest;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.security.AppUser;
import bank.teller.security.Caller;
import bank.teller.security.CurrentUser;
import bank.teller.security.RoleLimits;
import bank.teller.security.Roles;
import bank.teller.security.SupervisorOnTheSpot;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.ReferenceData;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.shared.TransactionMemo;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Maker-checker (授权). A guarded operation calls {@link #requireApproval} inside its transaction:
 * when the policy asks for a second person, the first submission stores a request (and the
 * operation is refused with APPROVAL_REQUIRED, changing nothing); a supervisor of the branch other
 * than the maker approves or rejects it once, in the inbox or on the spot on the maker's screen;
 * the maker then submits the same request again and it runs once, checked again in full. Requests
 * are good for their business date only.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class Approvals {

    @EJB
    private AuditTrail audit;
    @EJB
    private RoleLimits roleLimits;

    public static final int NOTE_MAX = 200;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private ApprovalSubmissions submissions;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private SupervisorOnTheSpot onTheSpot;
    @Inject
    private ReferenceData referenceData;

    private final Clock clock = Clock.systemUTC();

    /**
     * Lets the operation go on when no approval is needed or this very request was approved today;
     * otherwise refuses it with APPROVAL_REQUIRED (the first time storing the request) or
     * APPROVAL_REJECTED.
     *
     * @param amount the amount the policy's thresholds apply to, or null
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void requireApproval(String operation, String requestId, String fingerprint, Money amount,
                                String accountNumber, String summary) {
        Caller maker = currentUser.caller();
        // the maker's own authority first: no approval lifts an amount above the maker's role limit
        roleLimits.checkCaller(operation, amount);
        Optional<ApprovalPolicy> policy = ApprovalPolicy.requiring(policies(operation), operation, currentUser.roles(),
                amount == null ? null : amount.amount());
        if (policy.isEmpty()) {
            return;
        }
        Optional<ApprovalRequest> earlier = earlierRequest(maker.username(), requestId);
        if (earlier.isPresent()) {
            earlier.get().requireGrants(operation, fingerprint, maker.username(), calendar.today());
            return;
        }
        long id = submissions.submit(new ApprovalRequest(operation, requestId, fingerprint,
                amount == null ? null : amount.amount(), accountNumber, summary, policy.get().id(), maker.username(),
                maker.branchCode(), calendar.today(), StoredTime.now(clock)));
        throw new TellerException(ErrorCode.APPROVAL_REQUIRED, id, summary);
    }

    /**
     * Reads what {@link #requireApproval} will need for this transaction now (the policy, the
     * maker's role limits), before a posting locks its accounts: the decision stays the posting's
     * last check, but the lock is not held while these are read. (The request's own approval is read
     * only when the policy asks for one: seldom, and then under the lock.)
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void prefetch(String operation) {
        policies(operation);
        roleLimits.prefetch(operation);
    }

    // requests and policies are written in transactions of their own: no flush of this one's changes first

    /** The maker's request with this id: the same id from another maker is another request. */
    private Optional<ApprovalRequest> earlierRequest(String maker, String requestId) {
        return TransactionMemo.get("approval request", maker + "|" + requestId, () -> em.createQuery(
                        "SELECT r FROM ApprovalRequest r WHERE r.maker = :maker AND r.requestId = :id",
                        ApprovalRequest.class)
                .setParameter("maker", maker).setParameter("id", requestId).setFlushMode(FlushModeType.COMMIT)
                .getResultStream().findFirst());
    }

    /** The policy's lines of the operation, read once per version of the reference data (never changed once read). */
    private List<ApprovalPolicy> policies(String operation) {
        return referenceData.get(calendar.referenceVersion(), "approval policies", operation, () -> List.copyOf(
                em.createQuery("SELECT p FROM ApprovalPolicy p WHERE p.operation = :op", ApprovalPolicy.class)
                        .setParameter("op", operation).setFlushMode(FlushModeType.COMMIT).getResultList()));
    }

    /** The requests of the supervisor's branch waiting today, oldest first. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ApprovalView> pending() {
        return em.createQuery("SELECT r FROM ApprovalRequest r WHERE r.branchCode = :branch AND r.status = :pending "
                        + "AND r.businessDate = :today ORDER BY r.id", ApprovalRequest.class)
                .setParameter("branch", currentUser.get().branchCode()).setParameter("pending", ApprovalRequest.PENDING)
                .setParameter("today", calendar.today()).getResultList().stream().map(ApprovalView::of).toList();
    }

    /** The caller's own requests of today still waiting for a supervisor, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ApprovalView> mine() {
        AppUser me = currentUser.get();
        return em.createQuery("SELECT r FROM ApprovalRequest r WHERE r.branchCode = :branch AND r.status = :pending "
                        + "AND r.maker = :maker AND r.businessDate = :today ORDER BY r.id", ApprovalRequest.class)
                .setParameter("branch", me.branchCode()).setParameter("maker", me.username())
                .setParameter("pending", ApprovalRequest.PENDING)
                .setParameter("today", calendar.today()).getResultList().stream().map(ApprovalView::of).toList();
    }

    /** The requests waiting today that concern the account. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ApprovalView> pendingFor(String accountNumber) {
        return em.createQuery("SELECT r FROM ApprovalRequest r WHERE r.accountNumber = :account AND r.status = :pending "
                        + "AND r.businessDate = :today ORDER BY r.id", ApprovalRequest.class)
                .setParameter("account", accountNumber).setParameter("pending", ApprovalRequest.PENDING)
                .setParameter("today", calendar.today()).getResultList().stream().map(ApprovalView::of).toList();
    }

    /**
     * The cut-off of end of day: every request still pending on or before {@code closing} expires,
     * each recorded in the audit trail; answers how many did.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public int expirePending(LocalDate closing) {
        List<ApprovalRequest> pending = em.createQuery("SELECT r FROM ApprovalRequest r WHERE r.status = :pending "
                        + "AND r.businessDate <= :closing ORDER BY r.id", ApprovalRequest.class)
                .setParameter("pending", ApprovalRequest.PENDING).setParameter("closing", closing)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Instant now = StoredTime.now(clock);
        for (ApprovalRequest request : pending) {
            request.expire(now);
            audit.record("APPROVAL_EXPIRED", "approval:" + request.id(), request.operation() + " by "
                    + request.maker() + " of " + request.businessDate() + ": " + request.summary(), AuditEvent.SUCCESS);
        }
        return pending.size();
    }

    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ApprovalView approval(long id) {
        return ApprovalView.of(require(id));
    }

    @RolesAllowed(Roles.SUPERVISOR)
    public ApprovalView approve(long id, String note) {
        return decide(id, currentUser.get(), note, true);
    }

    @RolesAllowed(Roles.SUPERVISOR)
    public ApprovalView reject(long id, String note) {
        return decide(id, currentUser.get(), note, false);
    }

    /**
     * 现场授权: the supervisor signs in on the maker's screen, with password and dynamic code
     * ({@link SupervisorOnTheSpot}). The answer to wrong credentials never says which part was wrong.
     */
    public ApprovalView approveOnTheSpot(long id, String supervisor, String password, String code, String note) {
        require(id);
        String checker = onTheSpot.verify("approval:" + id, supervisor, password, code).approver();
        return decide(id, em.find(AppUser.class, checker), note, true);
    }

    private ApprovalView decide(long id, AppUser checker, String note, boolean approve) {
        String validNote = Text.optional("note", note, NOTE_MAX);
        ApprovalRequest request = em.find(ApprovalRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new TellerException(ErrorCode.APPROVAL_NOT_FOUND, id);
        }
        checker.requireBranch(request.branchCode());
        if (approve) {
            roleLimits.checkUser(checker.username(), request.operation(),
                    request.amount() == null ? null : Money.of(request.amount(), Money.CNY));
            request.approve(checker.username(), validNote, StoredTime.now(clock), calendar.today());
        } else {
            request.reject(checker.username(), validNote, StoredTime.now(clock), calendar.today());
        }
        ApprovalView view = ApprovalView.of(request);
        audit.recordFor(checker.username(), Roles.SUPERVISOR, checker.branchCode(),
                approve ? "APPROVAL_APPROVED" : "APPROVAL_REJECTED", "approval:" + id, view.toString(), AuditEvent.SUCCESS);
        return view;
    }

    private ApprovalRequest require(long id) {
        ApprovalRequest request = em.find(ApprovalRequest.class, id);
        if (request == null) {
            throw new TellerException(ErrorCode.APPROVAL_NOT_FOUND, id);
        }
        return request;
    }
}
