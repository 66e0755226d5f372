package bank.teller.approval.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A request for approval (授权) of one operation. Invariants: decided once (PENDING → APPROVED or
 * REJECTED, or EXPIRED at the cut-off when nobody decided); the checker is never the maker; it counts only on its business date and only for the
 * same request (operation, request id, fingerprint) by the same maker.
 */
@Entity
@Table(name = "approval_request")
public class ApprovalRequest {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String EXPIRED = "EXPIRED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_request_seq")
    @SequenceGenerator(name = "approval_request_seq", sequenceName = "approval_request_seq", allocationSize = 50)
    private Long id;

    @Column(name = "operation", nullable = false, length = 30)
    private String operation;

    @Column(name = "request_id", nullable = false, length = 100)
    private String requestId;

    @Column(name = "fingerprint", nullable = false, length = 200)
    private String fingerprint;

    @Column(name = "amount", precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "account_number", length = 16)
    private String accountNumber;

    @Column(name = "summary", nullable = false, length = 300)
    private String summary;

    @Column(name = "policy_id", nullable = false)
    private Long policyId;

    @Column(name = "maker", nullable = false, length = 40)
    private String maker;

    @Column(name = "branch_code", nullable = false, length = 4)
    private String branchCode;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "checker", length = 40)
    private String checker;

    @Column(name = "decision_note", length = 200)
    private String decisionNote;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ApprovalRequest() {
    }

    public ApprovalRequest(String operation, String requestId, String fingerprint, BigDecimal amount,
                           String accountNumber, String summary, Long policyId, String maker, String branchCode,
                           LocalDate businessDate, Instant createdAt) {
        this.operation = operation;
        this.requestId = requestId;
        this.fingerprint = fingerprint;
        this.amount = amount;
        this.accountNumber = accountNumber;
        this.summary = summary.length() > 300 ? summary.substring(0, 300) : summary;
        this.policyId = policyId;
        this.maker = maker;
        this.branchCode = branchCode;
        this.businessDate = businessDate;
        this.status = PENDING;
        this.createdAt = createdAt;
    }

    public void approve(String by, String note, Instant at, LocalDate today) {
        decide(by, note, at, today);
        this.status = APPROVED;
    }

    public void reject(String by, String note, Instant at, LocalDate today) {
        decide(by, note, at, today);
        this.status = REJECTED;
    }

    /** The cut-off of end of day: a request nobody decided on its day expires undecided. */
    public void expire(Instant at) {
        if (!PENDING.equals(status)) {
            throw new TellerException(ErrorCode.APPROVAL_DECIDED, id, status);
        }
        this.status = EXPIRED;
        this.decidedAt = at;
    }

    private void decide(String by, String note, Instant at, LocalDate today) {
        if (EXPIRED.equals(status)) {
            throw new TellerException(ErrorCode.APPROVAL_EXPIRED, id, businessDate);
        }
        if (!PENDING.equals(status)) {
            throw new TellerException(ErrorCode.APPROVAL_DECIDED, id, status);
        }
        if (!today.equals(businessDate)) {
            throw new TellerException(ErrorCode.APPROVAL_EXPIRED, id, businessDate);
        }
        if (by.equals(maker)) {
            throw new TellerException(ErrorCode.CHECKER_IS_MAKER, by);
        }
        this.checker = by;
        this.decisionNote = note;
        this.decidedAt = at;
    }

    /**
     * Refused unless this approval lets {@code maker} run this very request today: the same
     * operation and fingerprint, approved, on its business date.
     */
    public void requireGrants(String operation, String fingerprint, String maker, LocalDate today) {
        if (!this.operation.equals(operation) || !this.fingerprint.equals(fingerprint) || !this.maker.equals(maker)) {
            throw new TellerException(ErrorCode.IDEMPOTENCY_KEY_REUSED, requestId);
        }
        if (!today.equals(businessDate)) {
            throw new TellerException(ErrorCode.APPROVAL_EXPIRED, id, businessDate);
        }
        if (!APPROVED.equals(status)) {
            throw new TellerException(REJECTED.equals(status) ? ErrorCode.APPROVAL_REJECTED : ErrorCode.APPROVAL_REQUIRED,
                    id, summary);
        }
    }

    public Long id() {
        return id;
    }

    public String operation() {
        return operation;
    }

    public String requestId() {
        return requestId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String summary() {
        return summary;
    }

    public String maker() {
        return maker;
    }

    public String branchCode() {
        return branchCode;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String status() {
        return status;
    }

    public String checker() {
        return checker;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
