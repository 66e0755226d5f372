package bank.teller.payment.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reimbursement claim (报销单): a staff member's lines of spending, paid into an account of theirs.
 * DRAFT (lines and receipts may change) → IN_APPROVAL, step by step, each step a role (claim_rule) →
 * APPROVED → PAID, once. An approver may return it (RETURNED): the claimant mends it and submits it
 * again, from the first step.
 */
@Entity
@Table(name = "claim")
public class Claim {

    public static final int TITLE_MAX = 60;

    /** Where a claim stands. */
    public enum Status {
        DRAFT, IN_APPROVAL, RETURNED, APPROVED, PAID
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_seq")
    @SequenceGenerator(name = "claim_seq", sequenceName = "claim_seq", allocationSize = 50)
    private Long id;

    @Column(name = "claim_no", length = 20, unique = true)
    private String claimNo;

    @Column(name = "claimant", nullable = false, length = 40)
    private String claimant;

    @Column(name = "request_id", nullable = false, length = 64)
    private String requestId;

    @Column(name = "title", nullable = false, length = TITLE_MAX)
    private String title;

    @Column(name = "payee_account", nullable = false, length = 16)
    private String payeeAccount;

    @Column(name = "total", nullable = false, precision = 19, scale = 2)
    private BigDecimal total;

    @Column(name = "status", nullable = false, length = 12)
    private String status;

    @Column(name = "steps", length = 200)
    private String steps;

    @Column(name = "step_no")
    private Integer stepNo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "claim_line", joinColumns = @JoinColumn(name = "claim_id"))
    @OrderBy("lineNo")
    private List<ClaimLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "paid_by", length = 40)
    private String paidBy;

    @Column(name = "paid_request_id", length = 64)
    private String paidRequestId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Claim() {
    }

    public Claim(String claimant, String requestId, String title, String payeeAccount, List<ClaimLine> lines,
                 Instant now) {
        this.claimant = claimant;
        this.requestId = requestId;
        this.status = Status.DRAFT.name();
        this.createdAt = now;
        revise(title, payeeAccount, lines, now);
    }

    /** Its number, once it has an id: the day it was made and the id. */
    public String assignNumber() {
        claimNo = "R" + LocalDate.ofInstant(createdAt, ZoneOffset.ofHours(8)).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%07d", id);
        return claimNo;
    }

    /** New lines, title or account: only while a draft or returned (CLAIM_NOT_EDITABLE). */
    public void revise(String newTitle, String account, List<ClaimLine> newLines, Instant now) {
        requireEditable();
        if (newLines.isEmpty()) {
            throw new TellerException(ErrorCode.CLAIM_INVALID, "a claim has at least one line");
        }
        title = newTitle;
        payeeAccount = account;
        lines.clear();
        lines.addAll(newLines);
        total = newLines.stream().map(ClaimLine::amount).reduce(Money::plus).orElseThrow().amount();
        updatedAt = now;
    }

    public void requireEditable() {
        if (status() != Status.DRAFT && status() != Status.RETURNED) {
            throw new TellerException(ErrorCode.CLAIM_NOT_EDITABLE, claimNo, status);
        }
    }

    /** Submitted for approval by {@code approvers} (roles, in order), from the first. */
    public void submit(List<String> approvers, Instant now) {
        requireEditable();
        if (approvers.isEmpty()) {
            throw new IllegalArgumentException("a claim needs at least one approver");
        }
        status = Status.IN_APPROVAL.name();
        steps = String.join(",", approvers);
        stepNo = 1;
        updatedAt = now;
    }

    /** The role that approves the current step (IN_APPROVAL only; CLAIM_NOT_IN_APPROVAL otherwise). */
    public String currentRole() {
        requireInApproval();
        return steps().get(stepNo - 1);
    }

    /** The current step approved: the next one's turn, or the claim approved after the last. */
    public void approve(Instant now) {
        requireInApproval();
        if (stepNo == steps().size()) {
            status = Status.APPROVED.name();
        } else {
            stepNo++;
        }
        updatedAt = now;
    }

    /** Returned to the claimant to mend, from whichever step. */
    public void returnToClaimant(Instant now) {
        requireInApproval();
        status = Status.RETURNED.name();
        updatedAt = now;
    }

    private void requireInApproval() {
        if (status() != Status.IN_APPROVAL) {
            throw new TellerException(ErrorCode.CLAIM_NOT_IN_APPROVAL, claimNo, status);
        }
    }

    /** Paid by {@code user}'s request: once, and only approved (CLAIM_NOT_APPROVED, CLAIM_PAID). */
    public void paid(String user, String request, Instant now) {
        if (status() == Status.PAID) {
            throw new TellerException(ErrorCode.CLAIM_PAID, claimNo);
        }
        if (status() != Status.APPROVED) {
            throw new TellerException(ErrorCode.CLAIM_NOT_APPROVED, claimNo, status);
        }
        status = Status.PAID.name();
        paidBy = user;
        paidRequestId = request;
        updatedAt = now;
    }

    public List<String> steps() {
        return steps == null ? List.of() : Arrays.asList(steps.split(","));
    }

    public Long id() {
        return id;
    }

    public String claimNo() {
        return claimNo;
    }

    public String claimant() {
        return claimant;
    }

    public String requestId() {
        return requestId;
    }

    public String title() {
        return title;
    }

    public String payeeAccount() {
        return payeeAccount;
    }

    public Money total() {
        return Money.of(total, Money.CNY);
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public Integer stepNo() {
        return stepNo;
    }

    public List<ClaimLine> lines() {
        return List.copyOf(lines);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String paidBy() {
        return paidBy;
    }
}
